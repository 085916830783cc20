using System.Globalization;
using System.Text.Json;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// SARIF 2.1.0 shaped for GitHub code scanning (see shared/docs/product.md): one run, every rule, URIs relative to
/// the repository root (<see cref="ArtifactPaths"/>), stable fingerprints, and at most
/// <see cref="ReportContext.SarifMaxResults"/> results, the most severe kept.
/// </summary>
internal sealed class SarifFormatter : IStreamingFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string InformationUri = ProjectLinks.Repository;
    public const string SourceRoot = "%SRCROOT%";
    public const string StdinUri = "stdin";

    /// <summary>GitHub shows at most 5,000 results of a run (and rejects a run with more than 25,000).</summary>
    public const int DefaultMaxResults = 5000;

    private const string PrimaryLocationLineHash = "primaryLocationLineHash";
    private const string IdentityFingerprint = "virtlint/v1";
    private const int MaxTags = 20;

    private ReportContext _context = null!;
    private TextWriter _output = null!;
    private SarifResultCap _results = null!;
    private readonly Dictionary<string, Severity> _levels = new(StringComparer.Ordinal);

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
        _results = new SarifResultCap(context.SarifMaxResults);
    }

    /// <summary>
    /// Each file's published findings become results as the file arrives, while its bytes are at hand for the line
    /// hashes; only the results the cap can still keep stay in memory (all of them under <c>--sarif-max-results 0</c>).
    /// </summary>
    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        var published = Published(_context, file.Findings, file.Hidden);
        if (published.Count == 0) return;
        var hashes = file.Source?.LineData(LineHashes.Compute);
        foreach (var finding in published) Add(finding, hashes);
    }

    public void End(LintSummary summary)
    {
        // Late findings (cross-document ones) hash their lines from the sources the run read again for them.
        var lateHashes = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var finding in Published(_context, summary.Findings, summary.Hidden))
        {
            if (!lateHashes.TryGetValue(finding.Path, out var hashes))
                lateHashes[finding.Path] = hashes = summary.Sources.TryGetValue(finding.Path, out var source) ? source.LineData(LineHashes.Compute) : null;
            Add(finding, hashes);
        }

        var context = _context;
        var paths = context.Paths;
        var notifications = new List<SarifNotification>();
        foreach (var error in context.Tally.Errors)
            notifications.Add(new SarifNotification("error", new SarifMessage($"{error.Path}: {error.Message}")));

        if (_results.Dropped(Number) is { } message)
        {
            notifications.Add(new SarifNotification("warning", new SarifMessage(message)));
            context.Warn("SARIF: " + message);
        }

        if (_results.KeptFindings().Any(f => paths.Locate(f.Path).Full is null))
        {
            context.Warn($"SARIF: standard input has no file name, so its results point at '{StdinUri}'; name it with --stdin-filename PATH.");
        }

        var configured = context.ConfiguredLevel;
        Func<RuleDescriptor, Severity> levelOf = rule => _levels.TryGetValue(rule.Id, out var level) ? level : configured?.Invoke(rule) ?? rule.DefaultSeverity;
        var category = context.SarifCategory;
        var run = new SarifRun(
            new SarifTool(Driver(context.Catalog, levelOf)),
            string.IsNullOrEmpty(category) ? null : new SarifRunAutomationDetails(category.EndsWith('/') ? category : category + "/"),
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(DirectoryUri(paths.Root)) },
            "utf16CodeUnits",
            _results.Kept(),
            [new SarifInvocation(
                context.Tally.Errors.Count == 0,
                new SarifArtifactLocation(DirectoryUri(paths.CurrentDirectory)),
                notifications.Count == 0 ? null : notifications.ToArray())]);
        var log = new SarifLog(SchemaUri, "2.1.0", [run]);
        _output.WriteLine(JsonSerializer.Serialize(log, SarifJsonContext.Readable.SarifLog));
    }

    private void Add(Finding finding, string[]? hashes)
    {
        // Rules are described at the level their findings carry in this run (a finding's severity is already the
        // effective one), so defaultConfiguration.level and each result's level agree.
        if (!_levels.TryGetValue(finding.RuleId, out var level) || finding.Severity > level) _levels[finding.RuleId] = finding.Severity;
        _results.Add(finding, () => Result(_context, finding, hashes));
    }

    /// <summary>The tool and every rule's metadata, shared with the published rule catalogue (<see cref="SarifRuleCatalog"/>).</summary>
    /// <param name="levelOf">The level each rule is reported at in this run; its default severity when null.</param>
    internal static SarifToolComponent Driver(RuleCatalog catalog, Func<RuleDescriptor, Severity>? levelOf = null) =>
        new("VirtLint", VirtLintApp.Version, InformationUri, catalog.Rules.Select(r => Describe(r, levelOf?.Invoke(r) ?? r.DefaultSeverity)).ToArray());

    private static SarifReportingDescriptor Describe(RuleDescriptor rule, Severity level)
    {
        // GitHub shows at most 20 tags; the category comes first so it is never the one dropped.
        var tags = new[] { rule.Category }.Concat(rule.Tags).Distinct(StringComparer.Ordinal).Take(MaxTags).ToArray();
        return new SarifReportingDescriptor(
            rule.Id,
            rule.PascalName,
            new SarifMessage(rule.Title),
            new SarifMessage(rule.Docs.WhatItDoes.Trim()),
            new SarifMessage(RuleHelp.PlainText(rule), RuleHelp.Markdown(rule)),
            ProjectLinks.RuleDocs(rule.Id),
            new SarifReportingConfiguration(level.ToName()),
            new SarifRuleProperties(tags, rule.Precision, ProblemSeverity(level), SecuritySeverityBands.Score(rule, level)));
    }

    /// <summary>GitHub's <c>problem.severity</c> for rules that carry no security score: error, warning or recommendation.</summary>
    internal static string ProblemSeverity(Severity level) => level switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "recommendation",
    };

    /// <summary>The findings SARIF carries: the reported ones, plus suppressed and baselined ones on request (in report order).</summary>
    private static IReadOnlyList<Finding> Published(ReportContext context, IReadOnlyList<Finding> findings, IReadOnlyList<Finding> hidden)
    {
        if (!context.SarifIncludeSuppressed || hidden.Count == 0) return findings;
        var all = findings.Concat(hidden).ToList();
        all.Sort(Finding.Compare);
        return all;
    }

    internal static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static SarifResult Result(ReportContext context, Finding finding, string[]? hashes)
    {
        var span = finding.Span;
        var region = new SarifRegion(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);
        var location = new SarifLocation(new SarifPhysicalLocation(ArtifactLocation(context.Paths, finding.Path), region));
        return new SarifResult(
            finding.RuleId,
            context.Catalog.IndexOf(finding.Rule),
            finding.Severity.ToName(),
            new SarifMessage(finding.Message),
            [location],
            Fingerprints(finding, hashes))
        {
            Fingerprints = new Dictionary<string, string> { [IdentityFingerprint] = finding.Identity((context.IdentityPath ?? context.Paths.RepositoryPath)(finding.Path)).Fingerprint },
            Suppressions = Suppressions(finding),
        };
    }

    private static SarifSuppression[]? Suppressions(Finding finding)
    {
        if (finding.Suppression is { } match)
        {
            var kind = match.By == Core.Suppressions.SuppressionCarrier.Config ? "external" : "inSource";
            var until = match.Until is { } day ? $" (until {day:yyyy-MM-dd})" : "";
            return [new SarifSuppression(kind, match.Reason is null ? null : match.Reason + until)];
        }

        return finding.Baselined ? [new SarifSuppression("external", "Accepted in the baseline.")] : null;
    }

    private static Dictionary<string, string>? Fingerprints(Finding finding, string[]? hashes)
    {
        if (hashes is null) return null;
        var line = finding.Span.StartLine;
        return line >= 1 && line <= hashes.Length
            ? new Dictionary<string, string> { [PrimaryLocationLineHash] = hashes[line - 1] }
            : null;
    }

    /// <summary>
    /// A URI reference relative to <c>%SRCROOT%</c> (the repository root) for a file inside it, an absolute file URI for
    /// a file outside it (GitHub ignores <c>originalUriBaseIds</c>, so a <c>../</c> reference could never resolve).
    /// </summary>
    internal static SarifArtifactLocation ArtifactLocation(ArtifactPaths paths, string displayPath)
    {
        var located = paths.Locate(displayPath);
        if (located.Relative is not null) return new SarifArtifactLocation(RelativeUri(located.Relative), SourceRoot);
        if (located.Full is not null) return new SarifArtifactLocation(FileUri(located.Full));
        return new SarifArtifactLocation(StdinUri, SourceRoot);
    }

    /// <summary>Each '/'-separated segment percent-encoded, so any file name (spaces, '#', '%', '\') round-trips.</summary>
    internal static string RelativeUri(string relative) => string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));

    internal static string FileUri(string fullPath)
    {
        var segments = fullPath.Split(Path.DirectorySeparatorChar == '/' ? ['/'] : [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);
        var escaped = segments.Select(s => s.Length == 2 && s[1] == ':' && char.IsAsciiLetter(s[0]) ? s : Uri.EscapeDataString(s));
        var path = string.Join('/', escaped);
        return "file://" + (path.StartsWith('/') ? path : "/" + path);
    }

    private static string DirectoryUri(string directory)
    {
        var uri = FileUri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return uri.EndsWith('/') ? uri : uri + "/";
    }
}
