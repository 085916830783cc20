using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli.Catalog;

/// <summary><c>virtlint rules</c> for a terminal: an aligned table with a header, one rule per line.</summary>
internal static class RuleTableRenderer
{
    private const string Gap = "  ";

    /// <summary>The table, each line ending in <c>\n</c>; empty (not even a header) when there are no rules.</summary>
    /// <param name="severityOf">The severity to show for each rule (a preset's); the default severity when null.</param>
    public static string Render(IReadOnlyList<RuleDescriptor> rules, Func<RuleDescriptor, Severity>? severityOf = null)
    {
        if (rules.Count == 0) return "";

        var rows = new List<string[]> { new[] { "ID", "NAME", "SEVERITY", "CATEGORY", "TITLE" } };
        rows.AddRange(rules.Select(r => new[] { r.Id, r.Name, (severityOf?.Invoke(r) ?? r.DefaultSeverity).ToName(), r.Category, r.Title }));

        var widths = new int[rows[0].Length];
        foreach (var row in rows)
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);

        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            // The last column is not padded, so lines carry no trailing spaces.
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            builder.Append(string.Join(Gap, cells)).Append('\n');
        }

        return builder.ToString();
    }
}
