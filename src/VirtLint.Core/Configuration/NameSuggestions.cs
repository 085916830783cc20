namespace VirtLint.Core.Configuration;

/// <summary>"Did you mean …?" for a mistyped key, rule, tag, category, parameter or preset: the closest known name by
/// edit distance (case-insensitive), when it is close enough to be a plausible typo.</summary>
public static class NameSuggestions
{
    /// <summary>The closest candidate, or null when none is within a third of the name's length (at least 2 edits).</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        if (name.Length == 0) return null;
        var limit = Math.Max(2, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > limit) continue;
            var distance = Distance(name, candidate, limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && PrefersOver(name, candidate, best)))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or an empty string, to append to a message before its final period.</summary>
    public static string Hint(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $"; did you mean '{match}'?" : ".";

    /// <summary>" (did you mean 'x'?)" or an empty string: for messages that must stay one sentence.</summary>
    public static string Parenthesized(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" (did you mean '{match}'?)" : "";

    // Among equally distant names, the one sharing the longer prefix (VL2010 → VL2001, not VL1201), then ordinal order.
    private static bool PrefersOver(string name, string candidate, string best)
    {
        var c = CommonPrefix(name, candidate).CompareTo(CommonPrefix(name, best));
        return c != 0 ? c > 0 : string.CompareOrdinal(candidate, best) < 0;
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[i])) i++;
        return i;
    }

    // Levenshtein distance, case-insensitive, giving up (returning limit + 1) once every cell of a row exceeds the limit.
    private static int Distance(string a, string b, int limit)
    {
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit) return limit + 1;
            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }
}
