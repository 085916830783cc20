using VirtLint.Core.Baselines;
using VirtLint.Core.Configuration;
using VirtLint.Core.Files;
using VirtLint.Core.Suppressions;

namespace VirtLint.Core;

/// <summary>Per-run choices that change what is checked.</summary>
public sealed record LintOptions
{
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The default <see cref="MaxFileSize"/>: 16 MiB, well above any real definition (virsh itself reads at most 10 MiB).</summary>
    public const long DefaultMaxFileSize = 16L * 1024 * 1024;

    /// <summary>Files (and standard input) larger than this are reported, not read: a VL0001 error at line 1, column 1.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;

    /// <summary>False under <c>--no-inline-suppressions</c>: comments and metadata suppress nothing (config ignores still do).</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>The day suppression expiry is judged against; null for today's local date.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>Every config <c>ignores:</c> entry of the run's config files: after the run, unused and expired ones are reported in the config file.</summary>
    public IReadOnlyList<ConfigIgnore> ConfigIgnores { get; init; } = [];

    /// <summary>How a config file's full path is shown in findings (relative to the working directory, say); as is when null.</summary>
    public Func<string, string>? ConfigDisplayPath { get; init; }

    /// <summary>The baseline stage: findings it accepts are hidden. Null: no baseline.</summary>
    public BaselineMatcher? Baseline { get; init; }

    /// <summary>The repository-relative path of a display path, as baseline entries spell it; the display path when null.</summary>
    public Func<string, string>? BaselinePath { get; init; }
}

/// <summary>
/// The result of a run: the findings to report (in report order), those hidden by a suppression or the baseline, the
/// files looked at, and the paths that could not be read.
/// </summary>
/// <param name="Sources">The files that have findings, by display path: what formats need to show or hash their lines.</param>
public sealed record LintReport(IReadOnlyList<Finding> Findings, int FileCount, IReadOnlyList<InputError> Errors, IReadOnlyDictionary<string, SourceFile> Sources)
{
    /// <summary>Findings a suppression or the baseline hides, in report order: shown only in JSON (and SARIF on request), never failing a run.</summary>
    public IReadOnlyList<Finding> Hidden { get; init; } = [];

    /// <summary>The display paths of the files linted, in path order.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    public int SuppressedCount => Hidden.Count(f => f.Suppression is not null);

    public int BaselinedCount => Hidden.Count(f => f.Suppression is null && f.Baselined);
}

/// <summary>
/// Runs every enabled checker for a document's kind over each input, in parallel, with deterministic output. Per
/// document, between "checker reported" and "report": configuration (enablement, severity, parameters), then
/// suppressions (inline carriers and config ignores), then the baseline.
/// </summary>
public sealed class Linter
{
    private readonly RuleCatalog _catalog;
    private readonly RuleLookup _lookup;
    private readonly LintOptions _options;
    private readonly DateOnly _today;
    private readonly Dictionary<DocumentKind, RuleChecker[]> _checkersByKind;

    public Linter(RuleCatalog catalog, LintOptions? options = null)
    {
        _catalog = catalog;
        _lookup = new RuleLookup(catalog);
        _options = options ?? new LintOptions();
        _today = _options.Today ?? DateOnly.FromDateTime(DateTime.Now);
        _checkersByKind = Enum.GetValues<DocumentKind>().ToDictionary(
            kind => kind,
            kind => catalog.Checkers.Where(c => c.Kind == kind).ToArray());
    }

    public LintReport Lint(IReadOnlyList<LintInput> inputs, IReadOnlyList<InputError>? priorErrors = null)
    {
        var perFile = new FileOutcome[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) },
            i => perFile[i] = LintOne(inputs[i]));

        var findings = new List<Finding>();
        var hidden = new List<Finding>();
        var errors = new List<InputError>(priorErrors ?? []);
        var sources = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var outcome in perFile)
        {
            if (outcome.Error is not null)
            {
                errors.Add(outcome.Error);
                continue;
            }

            files.Add(outcome.Path);
            foreach (var finding in outcome.Findings) (finding.IsActive ? findings : hidden).Add(finding);
            if (outcome.Findings.Count > 0 && outcome.Source is { } source) sources[outcome.Path] = source;
        }

        findings.AddRange(ConfigIgnoreFindings(inputs));
        findings.AddRange(UnusedBaselineFindings(inputs, perFile));
        findings.Sort(Finding.Compare);
        hidden.Sort(Finding.Compare);
        files.Sort(StringComparer.Ordinal);
        errors.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : string.CompareOrdinal(a.Message, b.Message));
        return new LintReport(findings, files.Count, errors, sources) { Hidden = hidden, Files = files };
    }

    /// <summary>Lints one already-parsed document; used by tests and by callers that hold the text in memory.</summary>
    public IReadOnlyList<Finding> Lint(string displayPath, string text) =>
        Lint([LintInput.FromBytes(displayPath, System.Text.Encoding.UTF8.GetBytes(text))]).Findings;

    private FileOutcome LintOne(LintInput input)
    {
        byte[] bytes;
        if (input.Content is { } content)
        {
            if (content.Length > _options.MaxFileSize)
                return TooLarge(input, $"The input holds more than the {ByteSize.Format(_options.MaxFileSize)} size limit (--max-file-size); it was not linted.");
            bytes = content;
        }
        else
        {
            var read = FileReader.Read(input.FilePath!, _options.MaxFileSize);
            if (read.Error is { } error) return new FileOutcome(input.DisplayPath, null, [], new InputError(input.DisplayPath, error));
            if (read.OversizeLength is { } size)
                return TooLarge(input, $"The file is {ByteSize.Format(size)}, more than the {ByteSize.Format(_options.MaxFileSize)} size limit (--max-file-size); it was not read.");
            bytes = read.Bytes!;
        }

        var rules = new RuleSettings(input.Config);
        var loaded = DocumentLoader.Load(input.DisplayPath, bytes, _catalog);
        var source = new SourceFile(input.DisplayPath, bytes, loaded.Decoded?.Encoding ?? Decoding.SourceEncoding.Utf8);
        if (loaded.Document is null)
        {
            var problems = new List<Finding>();
            if (loaded.Problem is { } problem && rules.IsEnabled(problem.Rule)) problems.Add(Baseline(problem with { Severity = rules.SeverityOf(problem.Rule) }, input));
            return new FileOutcome(input.DisplayPath, source, problems, null);
        }

        var document = loaded.Document;
        var reported = new ReportedFindings();
        foreach (var checker in _checkersByKind[document.Kind])
            RunIsolated(checker, document, rules, reported);

        return new FileOutcome(input.DisplayPath, source, Suppress(document, rules, reported, input), null) { RootSpan = document.SpanOf(document.Root) };
    }

    /// <summary>The suppression stage, then the baseline stage, while the tree is still alive to match flagged nodes.</summary>
    private List<Finding> Suppress(LintDocument document, RuleSettings rules, ReportedFindings reported, LintInput input)
    {
        var inline = _options.InlineSuppressions ? DocumentSuppressions.Collect(document.Xml, _lookup) : DocumentSuppressions.None;
        var matcher = new SuppressionMatcher(inline, rules.Ignores, _today, rules.IsEnabled);
        var findings = new List<Finding>(reported.Count);
        foreach (var (finding, node) in reported.Items)
        {
            var match = matcher.Match(finding.Rule, node);
            findings.Add(Baseline(match is null ? finding : finding with { Suppression = match }, input));
        }

        // Suppression problems come after matching, so no suppression can hide them.
        foreach (var problem in matcher.Problems())
        {
            var rule = _catalog.Find(problem.RuleId)!;
            if (!rules.IsEnabled(rule)) continue;
            findings.Add(Baseline(document.FindingOn(rule, rules.SeverityOf(rule), problem.Message, problem.Node, problem.Span), input));
        }

        return findings;
    }

    private Finding Baseline(Finding finding, LintInput input)
    {
        if (_options.Baseline is not { } baseline || !finding.IsActive) return finding;
        var path = _options.BaselinePath?.Invoke(input.DisplayPath) ?? input.DisplayPath;
        return baseline.TryMatch(finding.Identity(path)) ? finding with { Baselined = true } : finding;
    }

    /// <summary>Config ignores past their date, or that applied to linted files and hid nothing: findings located in the config file.</summary>
    private IEnumerable<Finding> ConfigIgnoreFindings(IReadOnlyList<LintInput> inputs)
    {
        if (_options.ConfigIgnores.Count == 0) yield break;
        var configs = inputs.Select(i => i.Config).Where(c => c is not null).ToArray();
        foreach (var problem in SuppressionMatcher.ConfigIgnoreProblems(_options.ConfigIgnores, _today, rule => configs.Any(c => c!.IsEnabled(rule))))
        {
            var rule = _catalog.Find(problem.RuleId)!;
            var governing = configs.FirstOrDefault(c => c!.IsEnabled(rule));
            if (configs.Length > 0 && governing is null) continue;
            var severity = governing?.SeverityOf(rule) ?? rule.DefaultSeverity;
            var ignore = problem.Ignore;
            var path = _options.ConfigDisplayPath?.Invoke(ignore.ConfigPath) ?? ignore.ConfigPath;
            yield return new Finding(rule, severity, problem.Message, path, SourceSpan.At(ignore.Line, ignore.Column))
            {
                LogicalLocation = $"ignores[{ignore.Rule.Id}]",
            };
        }
    }

    /// <summary>
    /// Baseline entries of linted files that no finding matched (the problem was fixed, or its value changed): a
    /// <see cref="BaselineEntryUnusedId"/> finding at the file's root element. Entries of files the run did not lint say nothing.
    /// </summary>
    private IEnumerable<Finding> UnusedBaselineFindings(IReadOnlyList<LintInput> inputs, FileOutcome[] perFile)
    {
        if (_options.Baseline is not { } baseline || _catalog.Find(BaselineEntryUnusedId) is not { } rule) yield break;
        var linted = new Dictionary<string, (LintInput Input, FileOutcome Outcome)>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (perFile[i].Error is not null) continue;
            linted.TryAdd(BaselineIdentity.NormalizePath(_options.BaselinePath?.Invoke(inputs[i].DisplayPath) ?? inputs[i].DisplayPath), (inputs[i], perFile[i]));
        }

        foreach (var entry in baseline.Unused(linted.ContainsKey))
        {
            var (input, outcome) = linted[entry.File];
            var rules = new RuleSettings(input.Config);
            // An entry of a rule that did not run on the file (turned off, or not --select-ed) could not have matched.
            if (!rules.IsEnabled(rule) || (_catalog.Find(entry.RuleId) is { } accepted && !rules.IsEnabled(accepted))) continue;
            var where = entry.Location.Length == 0 ? "the file as a whole" : $"'{entry.Location}'";
            var message = $"Baseline entry for {entry.RuleId} at {where} matched no finding: the problem was fixed or its value changed; drop the entry with 'virtlint baseline prune'.";
            yield return new Finding(rule, rules.SeverityOf(rule), message, input.DisplayPath, outcome.RootSpan) { LogicalLocation = entry.Location };
        }
    }

    /// <summary>The engine rule reporting baseline entries that matched nothing.</summary>
    public const string BaselineEntryUnusedId = "VL0026";

    /// <summary>
    /// Runs one checker on one document. A checker that throws (a bug, or a static initialiser that failed) becomes an
    /// internal-error finding for that rule and document; the findings it made before failing are kept, and every other
    /// rule and document is still checked.
    /// </summary>
    private void RunIsolated(RuleChecker checker, LintDocument document, RuleSettings rules, ReportedFindings findings)
    {
        RuleDescriptor? rule = null;
        try
        {
            rule = checker.Descriptor;
            if (!rules.IsEnabled(rule)) return;
            checker.Check(new CheckContext(document, rule, rules.SeverityOf(rule), rules.ParametersOf(rule), findings));
        }
        catch (Exception e)
        {
            var name = rule is null ? checker.GetType().Name : $"{rule.Id} ({rule.Name})";
            var message = $"Rule {name} failed on this document and was skipped: {Describe(e)}";
            var internalError = _catalog.RuleInternalError;
            if (rules.IsEnabled(internalError))
                findings.Add(document.FindingOn(internalError, rules.SeverityOf(internalError), message, null), null);
        }
    }

    // The exception that explains the failure, on one line: a type initialiser's or a wrapper's inner exception.
    private static string Describe(Exception e)
    {
        while (e is TypeInitializationException or System.Reflection.TargetInvocationException or AggregateException && e.InnerException is not null)
            e = e.InnerException!;
        var message = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return $"{e.GetType().Name}: {message}.";
    }

    private FileOutcome TooLarge(LintInput input, string message)
    {
        var rule = _catalog.NotWellFormed;
        var rules = new RuleSettings(input.Config);
        if (!rules.IsEnabled(rule)) return new FileOutcome(input.DisplayPath, null, [], null);
        return new FileOutcome(input.DisplayPath, null, [Baseline(new Finding(rule, rules.SeverityOf(rule), message, input.DisplayPath, SourceSpan.At(1, 1)), input)], null);
    }

    /// <summary>A file's configuration, or every rule on at its default severity when it has none.</summary>
    private readonly struct RuleSettings(EffectiveConfig? config)
    {
        public bool IsEnabled(RuleDescriptor rule) => config?.IsEnabled(rule) ?? true;

        public Severity SeverityOf(RuleDescriptor rule) => config?.SeverityOf(rule) ?? rule.DefaultSeverity;

        public RuleParameters ParametersOf(RuleDescriptor rule) => config?.ParametersOf(rule) ?? RuleParameters.Defaults;

        public IReadOnlyList<ConfigIgnore> Ignores => config?.Ignores ?? [];
    }

    private sealed record FileOutcome(string Path, SourceFile? Source, List<Finding> Findings, InputError? Error)
    {
        public SourceSpan RootSpan { get; init; } = SourceSpan.At(1, 1);
    }
}
