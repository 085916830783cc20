using System.Text.Json;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>SARIF 2.1.0 shaped for GitHub code scanning (see shared/docs/product.md): one run, every rule, stable fingerprints.</summary>
internal sealed class SarifFormatter(RuleCatalog catalog, string currentDirectory, string? category) : IReportFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = "https://github.com/virtlint/virtlint";
    public const string SourceRoot = "%SRCROOT%";
    public const string StdinUri = "stdin";

    private const string PrimaryLocationLineHash = "primaryLocationLineHash";
    private const int MaxTags = 20;

    public void Write(LintReport report, TextWriter output)
    {
        var run = new SarifRun(
            new SarifTool(Driver(catalog)),
            string.IsNullOrEmpty(category) ? null : new SarifRunAutomationDetails(category.EndsWith('/') ? category : category + "/"),
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(DirectoryUri(currentDirectory)) },
            "utf16CodeUnits",
            Results(report));
        var log = new SarifLog(SchemaUri, "2.1.0", [run]);
        output.WriteLine(JsonSerializer.Serialize(log, SarifJsonContext.Readable.SarifLog));
    }

    /// <summary>The tool and every rule's metadata, shared with the published rule catalogue (<see cref="SarifRuleCatalog"/>).</summary>
    internal static SarifToolComponent Driver(RuleCatalog catalog) =>
        new("VirtLint", VirtLintApp.Version, InformationUri, catalog.Rules.Select(Describe).ToArray());

    private static SarifReportingDescriptor Describe(RuleDescriptor rule)
    {
        // GitHub shows at most 20 tags; the category comes first so it is never the one dropped.
        var tags = new[] { rule.Category }.Concat(rule.Tags).Distinct(StringComparer.Ordinal).Take(MaxTags).ToArray();
        return new SarifReportingDescriptor(
            rule.Id,
            rule.PascalName,
            new SarifMessage(rule.Title),
            new SarifMessage(rule.Docs.WhatItDoes.Trim()),
            new SarifMessage(RuleHelp.PlainText(rule), RuleHelp.Markdown(rule)),
            new SarifReportingConfiguration(rule.DefaultSeverity.ToName()),
            new SarifRuleProperties(tags, rule.Precision, rule.SecuritySeverity));
    }

    private SarifResult[] Results(LintReport report)
    {
        var hashesByPath = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var results = new SarifResult[report.Findings.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var finding = report.Findings[i];
            var span = finding.Span;
            var region = new SarifRegion(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);
            var location = new SarifLocation(new SarifPhysicalLocation(ArtifactLocation(finding.Path), region));
            results[i] = new SarifResult(
                finding.RuleId,
                catalog.IndexOf(finding.Rule),
                finding.Severity.ToName(),
                new SarifMessage(finding.Message),
                [location],
                Fingerprints(report, finding, hashesByPath));
        }

        return results;
    }

    private static Dictionary<string, string>? Fingerprints(LintReport report, Finding finding, Dictionary<string, string[]> cache)
    {
        if (!report.Sources.TryGetValue(finding.Path, out var text)) return null;
        if (!cache.TryGetValue(finding.Path, out var hashes))
            cache[finding.Path] = hashes = LineHashes.Compute(text);
        var line = finding.Span.StartLine;
        return line >= 1 && line <= hashes.Length
            ? new Dictionary<string, string> { [PrimaryLocationLineHash] = hashes[line - 1] }
            : null;
    }

    /// <summary>A URI reference relative to <c>%SRCROOT%</c> (the current directory), or an absolute file URI when there is none.</summary>
    internal SarifArtifactLocation ArtifactLocation(string path)
    {
        if (path == LintInput.StdinName) return new SarifArtifactLocation(StdinUri, SourceRoot);

        var full = Path.GetFullPath(path, currentDirectory);
        var relative = Path.GetRelativePath(currentDirectory, full);
        if (Path.IsPathRooted(relative)) return new SarifArtifactLocation(new Uri(full).AbsoluteUri);

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return new SarifArtifactLocation(string.Join('/', segments.Select(Uri.EscapeDataString)), SourceRoot);
    }

    private static string DirectoryUri(string directory)
    {
        var full = Path.GetFullPath(directory);
        var withSlash = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
        return new Uri(withSlash).AbsoluteUri;
    }
}
