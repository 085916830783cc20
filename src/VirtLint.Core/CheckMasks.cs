namespace VirtLint.Core;

/// <summary>
/// The required bits of a list of checks (<see cref="RequiredNodeSets.MasksOf"/>), asked for every check of every
/// document: each check's (word, bits) pairs of the words it needs lie side by side in one array, so asking walks
/// memory in order instead of following a mask object and its arrays per check. Clauses of several nodes (one of
/// them is enough) are rare and kept apart.
/// </summary>
public sealed class CheckMasks
{
    private readonly int[] _starts;
    private readonly (int Word, ulong Bits)[] _all;
    private readonly (int Word, ulong Bits)[][]?[] _anyOf;

    internal CheckMasks(IReadOnlyList<(int Word, ulong Bits)[]> all, IReadOnlyList<(int Word, ulong Bits)[][]> anyOf)
    {
        _starts = new int[all.Count + 1];
        for (var check = 0; check < all.Count; check++) _starts[check + 1] = _starts[check] + all[check].Length;
        _all = [.. all.SelectMany(pairs => pairs)];
        _anyOf = [.. anyOf.Select(clauses => clauses.Length == 0 ? null : clauses)];
    }

    public int Count => _anyOf.Length;

    /// <summary>Whether <paramref name="present"/> has every node check <paramref name="check"/> requires, and one of each of its clauses of several.</summary>
    public bool Covers(ulong[] present, int check)
    {
        var all = _all;
        for (int pair = _starts[check], end = _starts[check + 1]; pair < end; pair++)
        {
            var (word, bits) = all[pair];
            if ((present[word] & bits) != bits) return false;
        }

        return _anyOf[check] is not { } clauses || CoversOneOfEach(present, clauses);
    }

    private static bool CoversOneOfEach(ulong[] present, (int Word, ulong Bits)[][] clauses)
    {
        foreach (var clause in clauses)
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
}
