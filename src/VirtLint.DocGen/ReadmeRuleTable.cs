using System.Text;
using VirtLint.Cli.Catalog;
using VirtLint.Core;

namespace VirtLint.DocGen;

/// <summary>The rule table in the root README.md, between two marker lines; the rest of the README is left as written.</summary>
public static class ReadmeRuleTable
{
    public const string StartMarker = "<!-- rules:start -->";
    public const string EndMarker = "<!-- rules:end -->";

    /// <summary>What goes between the markers: the table (ids linking to <c>docs/rules/VL1001.md</c>) and a count line.</summary>
    public static string Render(RuleCatalog catalog)
    {
        var builder = new StringBuilder();
        builder.Append('\n');
        builder.Append(RuleMarkdownRenderer.Render(catalog.Rules, RuleMarkdownRenderer.RootLinkPrefix));
        builder.Append('\n').Append(DocsGenerator.RuleCount(catalog.Rules.Count)).Append("\n\n");
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="readme"/> (LF line endings) with the lines between the markers replaced. Each marker must be a
    /// line of its own, appear once, and the start marker must come first.
    /// </summary>
    /// <exception cref="DocsGeneratorException">The markers are missing, repeated or out of order.</exception>
    public static string Replace(string readme, RuleCatalog catalog)
    {
        var lines = readme.Split('\n');
        var starts = IndexesOf(lines, StartMarker);
        var ends = IndexesOf(lines, EndMarker);
        if (starts.Count == 0 || ends.Count == 0)
        {
            var missing = starts.Count == 0 && ends.Count == 0 ? "markers" : starts.Count == 0 ? "start marker" : "end marker";
            throw new DocsGeneratorException(
                $"{DocsGenerator.ReadmePath} has no rule-table {missing}: add a line '{StartMarker}' followed by a line '{EndMarker}' where the rule table belongs.");
        }

        if (starts.Count > 1 || ends.Count > 1)
            throw new DocsGeneratorException($"{DocsGenerator.ReadmePath} must have exactly one '{StartMarker}' line and one '{EndMarker}' line.");
        if (ends[0] < starts[0])
            throw new DocsGeneratorException($"{DocsGenerator.ReadmePath} has '{EndMarker}' before '{StartMarker}'; the table goes between them.");

        var before = string.Join('\n', lines[..(starts[0] + 1)]);
        var after = string.Join('\n', lines[ends[0]..]);
        return before + "\n" + Render(catalog) + after;
    }

    private static List<int> IndexesOf(string[] lines, string marker)
    {
        var indexes = new List<int>();
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Trim() == marker) indexes.Add(i);
        return indexes;
    }
}
