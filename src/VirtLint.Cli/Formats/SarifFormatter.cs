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
internal sealed class SarifFormatter : IReportFormatter
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

    public void Write(ReportContext context, TextWriter output)
    {
        var paths = context.Paths;
        var notifications = new List<SarifNotification>();
        foreach (var error in context.Report.Errors)
            notifications.Add(new SarifNotification("error", new SarifMessage($"{error.Path}: {error.Message}")));

        var findings = Cap(context, notifications);
        if (findings.Any(f => paths.Locate(f.Path).Full is null))
        {
            context.Warn($"SARIF: standard input has no file name, so its results point at '{StdinUri}'; name it with --stdin-filename PATH.");
        }

        var category = context.SarifCategory;
        var run = new SarifRun(
            new SarifTool(Driver(context.Catalog, EffectiveLevel(context))),
            string.IsNullOrEmpty(category) ? null : new SarifRunAutomationDetails(category.EndsWith('/') ? category : category + "/"),
            new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(DirectoryUri(paths.Root)) },
            "utf16CodeUnits",
            Results(context, findings),
            [new SarifInvocation(
                context.Report.Errors.Count == 0,
                new SarifArtifactLocation(DirectoryUri(paths.CurrentDirectory)),
                notifications.Count == 0 ? null : notifications.ToArray())]);
        var log = new SarifLog(SchemaUri, "2.1.0", [run]);
        output.WriteLine(JsonSerializer.Serialize(log, SarifJsonContext.Readable.SarifLog));
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

    /// <summary>
    /// Rules are described at the level their findings carry in this run (a finding's severity is already the
    /// effective one), so <c>defaultConfiguration.level</c> and each result's <c>level</c> agree.
    /// </summary>
    private static Func<RuleDescriptor, Severity> EffectiveLevel(ReportContext context)
    {
        var levels = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var finding in Published(context))
        {
            if (!levels.TryGetValue(finding.RuleId, out var level) || finding.Severity > level) levels[finding.RuleId] = finding.Severity;
        }

        var configured = context.ConfiguredLevel;
        return rule => levels.TryGetValue(rule.Id, out var level) ? level : configured?.Invoke(rule) ?? rule.DefaultSeverity;
    }

    /// <summary>The findings SARIF carries: the reported ones, plus suppressed and baselined ones on request (in report order).</summary>
    private static IReadOnlyList<Finding> Published(ReportContext context)
    {
        if (!context.SarifIncludeSuppressed || context.Report.Hidden.Count == 0) return context.Report.Findings;
        var all = context.Report.Findings.Concat(context.Report.Hidden).ToList();
        all.Sort(Finding.Compare);
        return all;
    }

    /// <summary>The findings to publish: all of them, or the most severe up to the cap (in report order), noting what was dropped.</summary>
    private static IReadOnlyList<Finding> Cap(ReportContext context, List<SarifNotification> notifications)
    {
        var findings = Published(context);
        var max = context.SarifMaxResults;
        if (max <= 0 || findings.Count <= max) return findings;

        var kept = Enumerable.Range(0, findings.Count)
            .OrderByDescending(i => findings[i].Severity).ThenBy(i => i)
            .Take(max).Order().Select(i => findings[i]).ToArray();
        var dropped = findings.Count - max;
        var bySeverity = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: findings.Count(f => f.Severity == s) - kept.Count(f => f.Severity == s)))
            .Where(p => p.Count > 0)
            .Select(p => $"{Number(p.Count)} {p.Severity.ToName()}{(p.Count == 1 ? "" : "s")}");
        var message =
            $"Kept the {Number(max)} most severe of {Number(findings.Count)} results and dropped {Number(dropped)} ({string.Join(", ", bySeverity)}): " +
            $"GitHub code scanning displays at most 5,000 results per run and rejects more than 25,000. Raise --sarif-max-results or lint fewer files.";
        notifications.Add(new SarifNotification("warning", new SarifMessage(message)));
        context.Warn("SARIF: " + message);
        return kept;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static SarifResult[] Results(ReportContext context, IReadOnlyList<Finding> findings)
    {
        var hashesByPath = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var results = new SarifResult[findings.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var finding = findings[i];
            var span = finding.Span;
            var region = new SarifRegion(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);
            var location = new SarifLocation(new SarifPhysicalLocation(ArtifactLocation(context.Paths, finding.Path), region));
            results[i] = new SarifResult(
                finding.RuleId,
                context.Catalog.IndexOf(finding.Rule),
                finding.Severity.ToName(),
                new SarifMessage(finding.Message),
                [location],
                Fingerprints(context.Report, finding, hashesByPath))
            {
                Fingerprints = new Dictionary<string, string> { [IdentityFingerprint] = finding.Identity((context.IdentityPath ?? context.Paths.RepositoryPath)(finding.Path)).Fingerprint },
                Suppressions = Suppressions(finding),
            };
        }

        return results;
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

    private static Dictionary<string, string>? Fingerprints(LintReport report, Finding finding, Dictionary<string, string[]> cache)
    {
        if (!report.Sources.TryGetValue(finding.Path, out var source)) return null;
        if (!cache.TryGetValue(finding.Path, out var hashes))
            cache[finding.Path] = hashes = source.LineData(LineHashes.Compute);
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
