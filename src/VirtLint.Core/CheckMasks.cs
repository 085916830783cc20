namespace VirtLint.Core;

/// <summary>
/// The required bits of a list of checks (<see cref="RequiredNodeSets.MasksOf"/>), asked for every check of every
/// document. Most checks need bits of one word only: each check's first (word, bits) pair lies in one array, in the
/// checks' order, so asking is one entry and one word of the document's bits; the rest (more words, clauses of several
/// nodes of which one is enough) is kept apart and asked only after the first pair is covered.
/// </summary>
public sealed class CheckMasks
{
    private readonly Entry[] _entries;
    private readonly (int Word, ulong Bits)[][] _more;
    private readonly (int Word, ulong Bits)[][][] _anyOf;

    internal CheckMasks(IReadOnlyList<(int Word, ulong Bits)[]> all, IReadOnlyList<(int Word, ulong Bits)[][]> anyOf)
    {
        _entries = new Entry[all.Count];
        _more = new (int, ulong)[all.Count][];
        _anyOf = new (int, ulong)[all.Count][][];
        for (var check = 0; check < all.Count; check++)
        {
            var pairs = all[check];
            // A check needing nothing has the first pair (0, 0), which every document covers.
            var (word, bits) = pairs.Length > 0 ? pairs[0] : (0, 0UL);
            _more[check] = pairs.Length > 1 ? pairs[1..] : [];
            _anyOf[check] = anyOf[check];
            _entries[check] = new Entry(word, bits, _more[check].Length > 0 || anyOf[check].Length > 0);
        }
    }

    public int Count => _entries.Length;

    /// <summary>Whether <paramref name="present"/> has every node check <paramref name="check"/> requires, and one of each of its clauses of several.</summary>
    public bool Covers(ulong[] present, int check)
    {
        var entry = _entries[check];
        if ((present[entry.Word] & entry.Bits) != entry.Bits) return false;
        return !entry.HasMore || CoversTheRest(present, check);
    }

    private bool CoversTheRest(ulong[] present, int check)
    {
        foreach (var (word, bits) in _more[check])
        {
            if ((present[word] & bits) != bits) return false;
        }

        foreach (var clause in _anyOf[check])
        {
            var found = false;
            foreach (var (word, bits) in clause)
            {
                if ((present[word] & bits) == 0) continue;
                found = true;
                break;
            }

            if (!found) return false;
        }

        return true;
    }

    private readonly record struct Entry(int Word, ulong Bits, bool HasMore);
}
