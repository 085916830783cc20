using System.Text;
using VirtLint.Cli;
using VirtLint.Cli.Catalog;
using VirtLint.Core;

namespace VirtLint.DocGen;

/// <summary>
/// <c>docs/rules/VL1001.md</c>: a rule's metadata, its documentation sections (the same text as <c>virtlint explain</c>
/// and SARIF <c>help</c>), its parameters and its fixtures.
/// </summary>
public static class RulePage
{
    public const string Parameters = "Parameters";
    public const string Fixtures = "Fixtures";

    /// <summary>The page; reads the rule's fixtures from <c>tests/VirtLint.Rules.Tests/Fixtures/&lt;target&gt;/&lt;name&gt;/</c>.</summary>
    public static string Render(RuleDescriptor rule, string repositoryRoot)
    {
        var page = new StringBuilder();
        page.Append(DocsGenerator.GeneratedComment).Append("\n\n");
        page.Append("# ").Append(rule.Id).Append(' ').Append(rule.Name).Append(": ").Append(rule.Title).Append("\n\n");
        AppendMetadata(page, rule);

        var sections = RuleHelp.Sections(rule);
        foreach (var section in sections.Where(s => s.Heading != RuleHelp.References))
            page.Append('\n').Append(section.ToMarkdown());

        AppendParameters(page, rule);
        AppendFixtures(page, rule, repositoryRoot);

        var references = sections.FirstOrDefault(s => s.Heading == RuleHelp.References)?.Items;
        if (references is not null)
        {
            page.Append("\n## ").Append(RuleHelp.References).Append("\n\n");
            foreach (var reference in references) page.Append("- ").Append(Link(reference)).Append('\n');
        }

        return page.ToString();
    }

    private static void AppendMetadata(StringBuilder page, RuleDescriptor rule)
    {
        page.Append("| Property | Value |\n| --- | --- |\n");
        Row(page, "Id", RuleMarkdownRenderer.Code(rule.Id));
        Row(page, "Name", RuleMarkdownRenderer.Code(rule.Name));
        Row(page, "Severity", RuleMarkdownRenderer.Cell(rule.DefaultSeverity.ToName()));
        Row(page, "Category", RuleMarkdownRenderer.Cell(rule.Category));
        Row(page, "Tags", rule.Tags.Count == 0 ? "none" : string.Join(", ", rule.Tags.Select(RuleMarkdownRenderer.Code)));
        Row(page, "Target", RuleMarkdownRenderer.Cell(rule.Target));
        if (rule.Scope is not null) Row(page, "Scope", RuleMarkdownRenderer.Cell(rule.Scope.Summary()));
        Row(page, "Precision", RuleMarkdownRenderer.Cell(rule.Precision));
        if (SecuritySeverityBands.Score(rule, rule.DefaultSeverity) is { } score) Row(page, "Security severity", RuleMarkdownRenderer.Cell(score));
        Row(page, "Source", $"[{RuleMarkdownRenderer.Cell(rule.SourceFile)}]({RepositoryLink(rule.SourceFile)})");
    }

    private static void AppendParameters(StringBuilder page, RuleDescriptor rule)
    {
        if (rule.Parameters.Count == 0) return;
        page.Append("\n## ").Append(Parameters).Append("\n\n");
        page.Append("| Name | Type | Default | Description |\n| --- | --- | --- | --- |\n");
        foreach (var parameter in rule.Parameters)
        {
            page.Append("| ").Append(RuleMarkdownRenderer.Code(parameter.Name))
                .Append(" | ").Append(RuleMarkdownRenderer.Cell(parameter.Type))
                .Append(" | ").Append(RuleMarkdownRenderer.Code(parameter.DefaultValue))
                .Append(" | ").Append(RuleMarkdownRenderer.Cell(parameter.Description))
                .Append(" |\n");
        }
    }

    private static void AppendFixtures(StringBuilder page, RuleDescriptor rule, string repositoryRoot)
    {
        var directory = $"{DocsGenerator.FixturesDirectory}/{rule.Target}/{rule.Name}";
        var fullDirectory = DocsGenerator.FullPath(repositoryRoot, directory);
        if (!Directory.Exists(fullDirectory)) return;

        // Flagged samples first, then clean ones, each group in ordinal order of file name.
        var files = Directory.EnumerateFiles(fullDirectory, "*.xml", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(name => name.StartsWith("flagged", StringComparison.Ordinal) ? 0 : name.StartsWith("clean", StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) return;

        page.Append("\n## ").Append(Fixtures).Append("\n\n");
        page.Append("The samples in [`").Append(directory).Append("/`](").Append(RepositoryLink(directory + "/")).Append(") are run by `dotnet test`: ")
            .Append("the rule must report exactly the findings marked `<!-- expect: ").Append(rule.Id).Append(" -->` ")
            .Append("in a flagged sample, and nothing in a clean one.\n");
        foreach (var file in files)
        {
            var text = DocsGenerator.NormalizeNewlines(File.ReadAllText(Path.Combine(fullDirectory, file))).TrimEnd('\n');
            var fence = new string('`', Math.Max(3, RuleMarkdownRenderer.LongestRun(text, '`') + 1));
            page.Append("\n### ").Append(file).Append("\n\n");
            page.Append(fence).Append("xml\n");
            if (text.Length > 0) page.Append(text).Append('\n');
            page.Append(fence).Append('\n');
        }
    }

    private static void Row(StringBuilder page, string property, string value) =>
        page.Append("| ").Append(property).Append(" | ").Append(value).Append(" |\n");

    /// <summary>A link from <c>docs/rules/</c> to a repository-relative path.</summary>
    private static string RepositoryLink(string path) => "../../" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>A reference as a link; a source reference names its function after the URL (<c>https://… (virFoo)</c>).</summary>
    private static string Link(string reference)
    {
        var space = reference.IndexOf(' ');
        var address = space < 0 ? reference : reference[..space];
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<{address}>{reference[address.Length..]}"
            : reference;
    }
}
