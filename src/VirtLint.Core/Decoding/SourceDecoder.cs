using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VirtLint.Core.Decoding;

/// <summary>
/// Turns a file's bytes into text the way libxml2 (libvirt's parser) does: a byte-order mark or the first bytes pick
/// UTF-16, otherwise the XML declaration's <c>encoding</c> is honoured (UTF-8 by default). Bytes that are not valid in
/// that encoding, and encodings VirtLint does not read, are errors at the offending character, never replaced.
/// </summary>
public static class SourceDecoder
{
    // Declared names are compared case-insensitively, as encoding names are.
    private static readonly Dictionary<string, SourceEncoding?> DeclaredNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTF-8"] = SourceEncoding.Utf8,
        ["UTF8"] = SourceEncoding.Utf8,
        ["ISO-8859-1"] = SourceEncoding.Latin1,
        ["ISO_8859-1"] = SourceEncoding.Latin1,
        ["ISO8859-1"] = SourceEncoding.Latin1,
        ["ISO_8859-1:1987"] = SourceEncoding.Latin1,
        ["ISO-LATIN-1"] = SourceEncoding.Latin1,
        ["LATIN1"] = SourceEncoding.Latin1,
        ["LATIN-1"] = SourceEncoding.Latin1,
        ["L1"] = SourceEncoding.Latin1,
        ["US-ASCII"] = SourceEncoding.Ascii,
        ["ASCII"] = SourceEncoding.Ascii,
        ["ANSI_X3.4-1968"] = SourceEncoding.Ascii,
        ["ISO646-US"] = SourceEncoding.Ascii,
        // UTF-16 is decided by the byte-order mark; null means "UTF-16 of either byte order".
        ["UTF-16"] = null,
        ["UTF16"] = null,
        ["UTF-16LE"] = SourceEncoding.Utf16LittleEndian,
        ["UTF-16BE"] = SourceEncoding.Utf16BigEndian,
    };

    public static DecodeResult Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return DecodeAsciiCompatible(bytes, 3);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeUtf16(bytes, 2, littleEndian: true);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeUtf16(bytes, 2, littleEndian: false);
        // "<?" in UTF-16 without a byte-order mark, which libxml2 also recognises.
        if (span.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00])) return DecodeUtf16(bytes, 0, littleEndian: true);
        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F])) return DecodeUtf16(bytes, 0, littleEndian: false);
        return DecodeAsciiCompatible(bytes, 0);
    }

    /// <summary>
    /// The text with undecodable bytes replaced by U+FFFD, for showing the lines around a decoding error; never used
    /// for linting.
    /// </summary>
    public static string DecodeForDisplay(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x3F, 0x00])) return Encoding.Unicode.GetString(bytes);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C, 0x00, 0x3F])) return Encoding.BigEndianUnicode.GetString(bytes);
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }

    private static DecodeResult DecodeAsciiCompatible(byte[] bytes, int start)
    {
        var hasBom = start > 0;
        var encoding = SourceEncoding.Utf8;
        // The declaration itself is ASCII, so reading its bytes as Latin-1 keeps byte and character offsets equal. Only
        // a document that starts with one has it, and only its bytes (to the first "?>") are read.
        var rest = bytes.AsSpan(start);
        var headLength = 0;
        if (rest.StartsWith("<?xml"u8))
        {
            var bounded = rest[..Math.Min(rest.Length, 4096)];
            var close = bounded.IndexOf("?>"u8);
            headLength = close < 0 ? bounded.Length : close + 2;
        }

        Span<char> head = stackalloc char[headLength];
        Encoding.Latin1.GetChars(rest[..headLength], head);
        if (XmlDeclarationEncoding.TryFind(head, out var declared, out var at))
        {
            var (line, column) = EndOf(head[..at]);
            if (declared.Length == 0)
                return Fail(line, column, "The XML declaration names an empty encoding; declare the document's encoding, such as 'UTF-8'.");
            if (!DeclaredNames.TryGetValue(declared, out var known))
                return Fail(line, column, $"The document declares encoding '{Shorten(declared)}', which VirtLint does not read; use UTF-8, UTF-16, ISO-8859-1 or US-ASCII.");
            if (known is null or SourceEncoding.Utf16LittleEndian or SourceEncoding.Utf16BigEndian)
                return Fail(line, column, $"The document declares encoding '{Shorten(declared)}' but its bytes are not UTF-16 (there is no byte-order mark).");
            if (hasBom && known != SourceEncoding.Utf8)
                return Fail(line, column, $"The file starts with a UTF-8 byte-order mark but declares encoding '{Shorten(declared)}'.");
            encoding = known.Value;
        }

        return encoding switch
        {
            SourceEncoding.Latin1 => Ok(Encoding.Latin1.GetString(bytes, start, bytes.Length - start), encoding, start),
            SourceEncoding.Ascii => DecodeAscii(bytes, start),
            _ => DecodeUtf8(bytes, start),
        };
    }

    private static DecodeResult DecodeUtf8(byte[] bytes, int start)
    {
        var source = bytes.AsSpan(start);
        // Valid text (nearly every file) is decoded straight into its string; only an error needs the slow path's position.
        if (Utf8.IsValid(source)) return Ok(Encoding.UTF8.GetString(source), SourceEncoding.Utf8, start);
        var chars = new char[source.Length];
        var status = Utf8.ToUtf16(source, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return Ok(new string(chars, 0, written), SourceEncoding.Utf8, start);

        // The first invalid sequence: the bytes that cannot begin or complete a character (at most three).
        Rune.DecodeFromUtf8(source[read..], out _, out var invalidLength);
        var invalid = source.Slice(read, Math.Max(1, invalidLength));
        var (line, column) = EndOf(chars.AsSpan(0, written));
        var plural = invalid.Length > 1 ? "Bytes" : "Byte";
        var verb = invalid.Length > 1 ? "are" : "is";
        return Fail(line, column, $"{plural} {Hex(invalid)} {verb} not valid UTF-8, the document's encoding; save the file as UTF-8 or declare its real encoding.");
    }

    private static DecodeResult DecodeAscii(byte[] bytes, int start)
    {
        var source = bytes.AsSpan(start);
        var bad = source.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (bad < 0) return Ok(Encoding.Latin1.GetString(source), SourceEncoding.Ascii, start);
        var (line, column) = EndOf(Encoding.Latin1.GetString(source[..bad]));
        return Fail(line, column, $"Byte {Hex(source.Slice(bad, 1))} is not US-ASCII, the encoding the document declares.");
    }

    private static DecodeResult DecodeUtf16(byte[] bytes, int start, bool littleEndian)
    {
        var source = bytes.AsSpan(start);
        var chars = new char[source.Length / 2];
        for (var i = 0; i < chars.Length; i++)
        {
            var (first, second) = (source[2 * i], source[2 * i + 1]);
            chars[i] = (char)(littleEndian ? first | second << 8 : first << 8 | second);
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                var (line, column) = EndOf(chars.AsSpan(0, i));
                return Fail(line, column, $"Unpaired UTF-16 surrogate 0x{(int)c:X4}; the file is not valid UTF-16.");
            }
        }

        if (source.Length % 2 != 0)
        {
            var (line, column) = EndOf(chars);
            return Fail(line, column, "The file ends in the middle of a UTF-16 character (it has an odd number of bytes).");
        }

        var encoding = littleEndian ? SourceEncoding.Utf16LittleEndian : SourceEncoding.Utf16BigEndian;
        var text = new string(chars);
        if (XmlDeclarationEncoding.TryFind(text, out var declared, out var at)
            && !(DeclaredNames.TryGetValue(declared, out var known) && (known is null || known == encoding)))
        {
            var (line, column) = EndOf(text.AsSpan(0, at));
            var evidence = start > 0 ? "byte-order mark" : "first bytes";
            return Fail(line, column, $"The file is {encoding.ToName()} by its {evidence} but declares encoding '{Shorten(declared)}'.");
        }

        return Ok(text, encoding, start);
    }

    private static DecodeResult Ok(string text, SourceEncoding encoding, int preamble) => new(new DecodedText(text, encoding, preamble), null);

    private static DecodeResult Fail(int line, int column, string message) => new(null, new DecodeError(line, column, message));

    /// <summary>The 1-based line and column just after <paramref name="prefix"/>: where the next character stands.</summary>
    private static (int Line, int Column) EndOf(ReadOnlySpan<char> prefix)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == '\r')
            {
                if (i + 1 < prefix.Length && prefix[i + 1] == '\n') i++;
                line++;
                lineStart = i + 1;
            }
            else if (prefix[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, prefix.Length - lineStart + 1);
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => $"0x{b:X2}"));

    // A declared name comes from the file; keep the message one readable line.
    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
