using VirtLint.Core.Decoding;

namespace VirtLint.Core;

/// <summary>
/// One linted file as findings point into it: its original bytes and the encoding they were read in. The text, its
/// line map and any per-line data a format needs are derived on demand, so a run keeps only the bytes of files that
/// have findings (half the size of their text for UTF-8) and no parsed tree.
/// </summary>
public sealed class SourceFile
{
    private readonly string? _text;
    private int[]? _lineStarts;
    private object? _lineHashes;

    /// <param name="lineStarts">The line map when the caller has it already (the loader computes it while parsing), so a format need not decode the bytes again for it.</param>
    /// <param name="text">The decoded text when the caller has it already (the loader), so a format printing the file as it arrives need not decode it again.</param>
    public SourceFile(string path, byte[] bytes, SourceEncoding encoding, int[]? lineStarts = null, string? text = null)
    {
        Path = path;
        Bytes = bytes;
        Encoding = encoding;
        _lineStarts = lineStarts;
        _text = text;
    }

    /// <summary>The display path, as in findings.</summary>
    public string Path { get; }

    public byte[] Bytes { get; }

    /// <summary>The encoding the bytes were decoded in (declared, from a byte-order mark, or UTF-8 by default).</summary>
    public SourceEncoding Encoding { get; }

    /// <summary>The decoded text (unless given, decoded again on each call: callers that need it more than once keep it).</summary>
    public string Text => _text ?? SourceDecoder.Decode(Bytes).Text?.Text ?? SourceDecoder.DecodeForDisplay(Bytes);

    /// <summary>The file without the text it was given, for a caller that keeps it to the end of a run: only its bytes then.</summary>
    public SourceFile WithoutText() => _text is null ? this : new SourceFile(Path, Bytes, Encoding, _lineStarts);

    /// <summary>Where each line starts in <see cref="Text"/>, computed on first use.</summary>
    public int[] LineStarts => _lineStarts ??= SourceText.LineStarts(Text);

    /// <summary>A per-line table (such as SARIF's line hashes) computed from the text on first use and kept with the file.</summary>
    public T[] LineData<T>(Func<string, T[]> compute) => (T[])(_lineHashes ??= compute(Text));
}
