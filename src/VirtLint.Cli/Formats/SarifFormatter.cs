using System.Globalization;
using System.Text.Json;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// SARIF 2.1.0 shaped for GitHub code scanning (see shared/docs/product.md): one run, every rule, URIs relative to
/// the repository root (<see cref="ArtifactPaths"/>), stable fingerprints, related locations, and at most
/// <see cref="ReportContext.SarifMaxResults"/> results, the most severe kept.
/// </summary>
/// <remarks>
/// Rules come before results and are described at the level their findings carry, so the log is written at the end
/// of the run, piece by piece. Until then results wait within the cap (<see cref="SarifResultCap"/>, a heap of at most
/// the cap), or, without a cap, on disk (<see cref="FindingSpill"/>, each finding with its line hash): memory never
/// grows with the run. Late findings (known at the end) get a <c>primaryLocationLineHash</c> only when the run read their
/// file again for them (cross-document findings, <see cref="LintSummary.SourceOf"/>); otherwise their file's text is
/// gone by then and is not read again; GitHub's upload action computes the hash itself when it is missing.
/// </remarks>
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

    // Results serialised between two hand-overs to the output.
    private const int FlushEvery = 256;

    private ReportContext _context = null!;
    private TextWriter _output = null!;
    private SarifResultCap? _results;
    private FindingSpill? _spill;
    private bool _unnamedStdin;
    private readonly Dictionary<string, Severity> _levels = new(StringComparer.Ordinal);

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
        if (context.SarifMaxResults > 0) _results = new SarifResultCap(context.SarifMaxResults);
        else _spill = new FindingSpill();
    }

    /// <summary>
    /// Each file's published findings are offered as the file arrives, while its bytes are at hand for the line
    /// hashes; only the results the cap can still keep stay in memory, and without a cap they go to disk.
    /// </summary>
    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        var published = Published(_context, file.Findings, file.Hidden);
        if (published.Count == 0) return;
        // The file's line hashes are worked out only when the cap keeps one of its results (a run over a fleet keeps
        // a few thousand of hundreds of thousands), or every result is kept.
        LineHash[]? hashes = null;
        string? HashOf(Finding finding) => LineHash(finding, hashes ??= file.Source?.LineData(LineHashes.Of));
        foreach (var finding in published) Add(finding, HashOf);
    }

    public void End(LintSummary summary)
    {
        try
        {
            Write(summary);
        }
        finally
        {
            _spill?.Dispose();
        }
    }

    private void Write(LintSummary summary)
    {
        var late = Published(_context, summary.Findings, summary.Hidden);
        _lateHashes = LateHashes(summary, late);
        if (_results is not null)
        {
            foreach (var finding in late) Add(finding, _lateHashes);
        }
        else
        {
            // Written from the list at hand, merged with the spilled ones; only described here.
            foreach (var finding in late) Track(finding);
        }

        var context = _context;
        var paths = context.Paths;
        var notifications = new List<SarifNotification>();
        foreach (var error in context.Tally.Errors)
            notifications.Add(new SarifNotification("error", new SarifMessage($"{error.Path}: {error.Message}")));

        if (_results?.Dropped(Number) is { } message)
        {
            notifications.Add(new SarifNotification("warning", new SarifMessage(message)));
            context.Warn("SARIF: " + message);
        }

        if (_results?.KeptFindings().Any(Unnamed) ?? _unnamedStdin)
        {
            context.Warn($"SARIF: standard input has no file name, so its results point at '{StdinUri}'; name it with --stdin-filename PATH.");
        }

        foreach (var note in summary.Notes)
        {
            var rule = context.Catalog.Find(note.RuleId);
            notifications.Add(new SarifNotification("note", new SarifMessage(note.Message))
            {
                AssociatedRule = new SarifReportingDescriptorReference(note.RuleId, rule is null ? null : context.Catalog.IndexOf(rule)),
            });
        }

        var configured = context.ConfiguredLevel;
        Func<RuleDescriptor, Severity> levelOf = rule => _levels.TryGetValue(rule.Id, out var level) ? level : configured?.Invoke(rule) ?? rule.DefaultSeverity;
        var category = context.SarifCategory;
        var json = new StreamedJson(_output).Start();
        var writer = json.Writer;
        var types = SarifJsonContext.Readable;

        // The shape of SarifLog and SarifRun, written member by member so results need not all be in memory at once.
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();
        writer.WritePropertyName("tool");
        JsonSerializer.Serialize(writer, new SarifTool(Driver(context.Catalog, levelOf)), types.SarifTool);
        if (!string.IsNullOrEmpty(category))
        {
            writer.WritePropertyName("automationDetails");
            JsonSerializer.Serialize(writer, new SarifRunAutomationDetails(category.EndsWith('/') ? category : category + "/"), types.SarifRunAutomationDetails);
        }

        writer.WritePropertyName("originalUriBaseIds");
        JsonSerializer.Serialize(writer, new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(DirectoryUri(paths.Root)) }, types.DictionaryStringSarifArtifactLocation);
        writer.WriteString("columnKind", "utf16CodeUnits");
        writer.WriteStartArray("results");
        var written = 0;
        foreach (var result in Results(late))
        {
            JsonSerializer.Serialize(writer, result, types.SarifResult);
            if (++written % FlushEvery == 0) json.Flush();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("invocations");
        JsonSerializer.Serialize(writer, [new SarifInvocation(
            context.Tally.Errors.Count == 0,
            new SarifArtifactLocation(DirectoryUri(paths.CurrentDirectory)),
            notifications.Count == 0 ? null : notifications.ToArray())], types.SarifInvocationArray);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        json.Flush();
        _output.WriteLine();
    }

    /// <summary>The results in report order: those the cap kept, or every spilled one with the late findings merged in place.</summary>
    private IEnumerable<SarifResult> Results(IReadOnlyList<Finding> late)
    {
        if (_results is not null) return _results.Kept();
        var spilled = _spill!.Read().Select(r => (Finding: r.Finding!, Hash: r.Extra));
        return ReportOrder.Merge(spilled, late.Select(f => (Finding: f, Hash: _lateHashes(f))).ToArray(), p => p.Finding)
            .Select(p => Result(_context, p.Finding, p.Hash));
    }

    private Func<Finding, string?> _lateHashes = _ => null;

    /// <summary>
    /// Line hashes for late findings, from their files read again (cross-document findings); none for the others. Late
    /// findings come in report order, so one file's hashes at a time are kept.
    /// </summary>
    private static Func<Finding, string?> LateHashes(LintSummary summary, IReadOnlyList<Finding> late)
    {
        string? path = null;
        LineHash[]? hashes = null;
        return finding =>
        {
            if (finding.Path != path)
            {
                path = finding.Path;
                hashes = summary.SourceOf(path)?.LineData(LineHashes.Of);
            }

            return LineHash(finding, hashes);
        };
    }

    private bool Unnamed(Finding finding) => _context.Paths.Locate(finding.Path).Full is null;

    /// <summary>Offers a finding; its line hash is asked for only when its result is made.</summary>
    private void Add(Finding finding, Func<Finding, string?> lineHash)
    {
        Track(finding);
        if (_results is not null) _results.Add(finding, () => Result(_context, finding, lineHash(finding)));
        else _spill!.Add(finding, lineHash(finding));
    }

    private void Track(Finding finding)
    {
        // Rules are described at the level their findings carry in this run (a finding's severity is already the
        // effective one), so defaultConfiguration.level and each result's level agree.
        if (!_levels.TryGetValue(finding.RuleId, out var level) || finding.Severity > level) _levels[finding.RuleId] = finding.Severity;
        if (_results is null) _unnamedStdin |= Unnamed(finding);
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

    private static SarifResult Result(ReportContext context, Finding finding, string? lineHash)
    {
        var location = new SarifLocation(new SarifPhysicalLocation(ArtifactLocation(context.Paths, finding.Path), Region(finding.Span)));
        return new SarifResult(
            finding.RuleId,
            context.Catalog.IndexOf(finding.Rule),
            finding.Severity.ToName(),
            new SarifMessage(finding.Message),
            [location],
            lineHash is null ? null : new Dictionary<string, string> { [PrimaryLocationLineHash] = lineHash })
        {
            Fingerprints = new Dictionary<string, string> { [IdentityFingerprint] = finding.Identity((context.IdentityPath ?? context.Paths.RepositoryPath)(finding.Path)).Fingerprint },
            RelatedLocations = RelatedLocations(context, finding),
            Suppressions = Suppressions(finding),
        };
    }

    private static SarifRegion Region(SourceSpan span) => new(span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);

    /// <summary>Each related location with an id (from 1) and its message; the result's own message is left as the rule wrote it.</summary>
    private static SarifLocation[]? RelatedLocations(ReportContext context, Finding finding)
    {
        if (finding.Related.Count == 0) return null;
        var related = new SarifLocation[finding.Related.Count];
        for (var i = 0; i < related.Length; i++)
        {
            var location = finding.Related[i];
            related[i] = new SarifLocation(new SarifPhysicalLocation(ArtifactLocation(context.Paths, location.Path), Region(location.Span)))
            {
                Id = i + 1,
                Message = new SarifMessage(location.Message),
            };
        }

        return related;
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

    private static string? LineHash(Finding finding, LineHash[]? hashes) => LineHashes.OfLine(hashes, finding.Span.StartLine);

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
