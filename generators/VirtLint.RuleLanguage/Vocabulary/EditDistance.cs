using System;
using System.Collections.Generic;

namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>
/// Levenshtein distance (insertions, deletions and substitutions each cost 1), compared ordinally, and the
/// did-you-mean choice built on it. Also compiled into VirtLint.Core (as an internal class) for the schema checks.
/// </summary>
#if VIRTLINT_CORE
internal
#else
public
#endif
static class EditDistance
{
    /// <summary>How far a suggestion may be from what was written.</summary>
    public const int MaxSuggestionDistance = 2;

    /// <summary>
    /// The candidate closest to <paramref name="name"/>: a case-insensitive match, else the smallest Levenshtein
    /// distance (compared case-insensitively) up to <see cref="MaxSuggestionDistance"/> and shorter than the name
    /// itself, ties broken ordinally; null when none is close. The name itself is never suggested.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));

        var lowered = name.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == name)
                continue;
            if (Math.Abs(candidate.Length - name.Length) > MaxSuggestionDistance)
                continue;

            var distance = Levenshtein(lowered, candidate.ToLowerInvariant());
            if (distance > MaxSuggestionDistance || (distance > 0 && distance >= name.Length))
                continue;
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    public static int Levenshtein(string a, string b)
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;

        // Two rows of the dynamic-programming table: previous[j] is the distance between a[..i-1] and b[..j].
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                var deletion = previous[j] + 1;
                var insertion = current[j - 1] + 1;
                current[j] = Math.Min(substitution, Math.Min(deletion, insertion));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
