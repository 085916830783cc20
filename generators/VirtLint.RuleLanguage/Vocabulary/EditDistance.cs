using System;

namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>Levenshtein distance (insertions, deletions and substitutions each cost 1), compared ordinally.</summary>
public static class EditDistance
{
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
