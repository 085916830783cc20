using System.Globalization;

namespace VirtLint.Cli.Formats.Sarif;

/// <summary>
/// GitHub's <c>primaryLocationLineHash</c> (github/codeql-action, <c>src/fingerprints.ts</c>): for each line, a rolling
/// hash of the 100 characters that start at it, so an alert survives edits elsewhere in the file. Any difference
/// from GitHub's own computation would reopen every alert, hence the bit-for-bit port.
/// </summary>
internal static class LineHashes
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const char EndOfFile = '\uffff';

    // 37^100 mod 2^64: the weight of the character that leaves the window.
    private static readonly ulong FirstMod = ComputeFirstMod();

    /// <summary>One hash per line, indexed by line number minus one, written as <c>hex:occurrence</c>.</summary>
    public static string[] Compute(string text) => Array.ConvertAll(Of(text), hash => hash.ToString());

    /// <summary>One hash per line, indexed by line number minus one; written out only for the lines a report names.</summary>
    public static LineHash[] Of(string text)
    {
        var hashes = new List<LineHash>();
        var window = new int[BlockSize];
        var lineNumbers = new int[BlockSize];
        Array.Fill(lineNumbers, -1);
        var counts = new Dictionary<ulong, int>();

        ulong hash = 0;
        var index = 0;
        var lineNumber = 0;
        var lineStart = true;
        var previousWasCr = false;

        void Output()
        {
            var occurrence = counts.TryGetValue(hash, out var seen) ? seen + 1 : 1;
            counts[hash] = occurrence;
            // Lines are emitted in order, so the list index is the line number minus one.
            hashes.Add(new LineHash(hash, occurrence));
            lineNumbers[index] = -1;
        }

        void Update(int current)
        {
            var leaving = window[index];
            window[index] = current;
            hash = unchecked((Mod * hash) + (ulong)current - (FirstMod * (ulong)leaving));
            index = index == BlockSize - 1 ? 0 : index + 1;
        }

        void Process(int current)
        {
            // Spaces and tabs do not count, and CRLF is one line break.
            if (current is ' ' or '\t' || (previousWasCr && current == '\n'))
            {
                previousWasCr = false;
                return;
            }

            if (current == '\r')
            {
                current = '\n';
                previousWasCr = true;
            }
            else
            {
                previousWasCr = false;
            }

            if (lineNumbers[index] != -1) Output();
            if (lineStart)
            {
                lineStart = false;
                lineNumber++;
                lineNumbers[index] = lineNumber;
            }

            if (current == '\n') lineStart = true;
            Update(current);
        }

        foreach (var c in text) Process(c);
        Process(EndOfFile);

        // Pad with zeros so the last lines also hash a full window.
        for (var i = 0; i < BlockSize; i++)
        {
            if (lineNumbers[index] != -1) Output();
            Update(0);
        }

        return hashes.ToArray();
    }

    /// <summary>The hash of a 1-based line as GitHub writes it; null without hashes or for a line the file does not have.</summary>
    public static string? OfLine(LineHash[]? hashes, int line) =>
        hashes is not null && line >= 1 && line <= hashes.Length ? hashes[line - 1].ToString() : null;

    private static ulong ComputeFirstMod()
    {
        ulong value = 1;
        for (var i = 0; i < BlockSize; i++) value = unchecked(value * Mod);
        return value;
    }
}

/// <summary>A line's hash and which occurrence of that hash in the file it is: <c>hex:occurrence</c> as text.</summary>
internal readonly record struct LineHash(ulong Hash, int Occurrence)
{
    public override string ToString() =>
        Hash.ToString("x", CultureInfo.InvariantCulture) + ":" + Occurrence.ToString(CultureInfo.InvariantCulture);
}
