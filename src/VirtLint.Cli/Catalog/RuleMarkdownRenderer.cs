using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli.Catalog;

/// <summary>
/// The rule catalogue as a Markdown table whose ids link to the rule pages. <c>virtlint rules --format markdown</c>,
/// the README and <c>docs/rules/README.md</c> all use it, each with the link prefix that fits where the table lives.
/// </summary>
public static class RuleMarkdownRenderer
{
    /// <summary>The prefix for a table in the repository root: <c>docs/rules/VL1001.md</c>.</summary>
    public const string RootLinkPrefix = "docs/rules/";

    /// <summary>
    /// One row per rule, in the given order, each line ending in <c>\n</c>; empty when there are no rules.
    /// A rule links to <c><paramref name="linkPrefix"/>VL1001.md</c>.
    /// </summary>
    public static string Render(IEnumerable<RuleDescriptor> rules, string linkPrefix)
    {
        var builder = new StringBuilder();
        foreach (var rule in rules)
        {
            if (builder.Length == 0)
                builder.Append("| Id | Name | Severity | Category | Title |\n| --- | --- | --- | --- | --- |\n");
            builder.Append("| [").Append(rule.Id).Append("](").Append(linkPrefix).Append(rule.Id).Append(".md)")
                .Append(" | ").Append(Code(rule.Name))
                .Append(" | ").Append(Cell(rule.DefaultSeverity.ToName()))
                .Append(" | ").Append(Cell(rule.Category))
                .Append(" | ").Append(Cell(rule.Title))
                .Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>Text for one table cell: on one line, with pipes escaped so they do not end the cell.</summary>
    public static string Cell(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim()))
            .Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A code span for one table cell, with a delimiter longer than any run of backticks in the text.</summary>
    public static string Code(string text)
    {
        var cell = Cell(text);
        if (cell.Length == 0) return "";
        var delimiter = new string('`', LongestRun(cell, '`') + 1);
        var padding = cell[0] == '`' || cell[^1] == '`' ? " " : "";
        return delimiter + padding + cell + padding + delimiter;
    }

    /// <summary>The length of the longest run of <paramref name="c"/> in <paramref name="text"/>.</summary>
    public static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
