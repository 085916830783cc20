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

    /// <summary>How many finished files may wait for an earlier, slower one before workers pause: bounds a streaming run's memory.</summary>
    public int Window { get; init; } = 64;

    /// <summary>The baseline stage: findings it accepts are hidden. Null: no baseline.</summary>
    public BaselineMatcher? Baseline { get; init; }

    /// <summary>The repository-relative path of a display path, as baseline entries spell it; the display path when null.</summary>
    public Func<string, string>? BaselinePath { get; init; }

    /// <summary>
    /// Whether findings carry their identity (logical location and canonical value): needed by a baseline and by
    /// SARIF's identity fingerprints. Always computed with a baseline.
    /// </summary>
    public bool FindingIdentities { get; init; } = true;
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

    /// <summary>Run-level notes (a cross-document rule skipped for want of a kind of document).</summary>
    public IReadOnlyList<RunNote> Notes { get; init; } = [];

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    public int SuppressedCount => Hidden.Count(f => f.Suppression is not null);

    public int BaselinedCount => Hidden.Count(f => f.Suppression is null && f.Baselined);
}

/// <summary>
/// Runs every enabled checker for a document's kind over each input, in parallel, with deterministic output. Per
/// document, between "checker reported" and "report": configuration (enablement, severity, parameters), then
/// suppressions (inline carriers and config ignores), then the baseline.
/// </summary>
public sealed partial class Linter
{
    private readonly RuleCatalog _catalog;
    private readonly RuleLookup _lookup;
    private readonly LintOptions _options;
    private readonly DateOnly _today;
    private readonly Dictionary<DocumentKind, RuleChecker[]> _checkersByKind;
    private readonly RequiredNodeSets _required;
    private readonly Dictionary<DocumentKind, CheckMasks> _masksByKind;

    public Linter(RuleCatalog catalog, LintOptions? options = null)
    {
        _catalog = catalog;
        _lookup = new RuleLookup(catalog);
        _options = options ?? new LintOptions();
        _today = _options.Today ?? DateOnly.FromDateTime(DateTime.Now);
        _checkersByKind = Enum.GetValues<DocumentKind>().ToDictionary(
            kind => kind,
            kind => catalog.Checkers.Where(c => c.Kind == kind).ToArray());
        _required = new RequiredNodeSets(catalog.Checkers);
        _masksByKind = _checkersByKind.ToDictionary(p => p.Key, p => _required.MasksOf(p.Value));
        _workspaceCheckers = catalog.Checkers.OfType<Workspace.WorkspaceRuleChecker>().ToArray();
    }

    public LintReport Lint(IReadOnlyList<LintInput> inputs, IReadOnlyList<InputError>? priorErrors = null)
    {
        var collector = new LintReportCollector();
        Lint(inputs, collector, priorErrors);
        return collector.Report;
    }

    /// <summary>
    /// Lints <paramref name="inputs"/> in parallel and hands each file's outcome to <paramref name="sink"/> in path
    /// order as soon as it and every file before it are done, then the end of the run. At most
    /// <see cref="LintOptions.Window"/> outcomes wait to be delivered, so a run holds that many files, never all of them.
    /// </summary>
    public void Lint(IReadOnlyList<LintInput> inputs, ILintSink sink, IReadOnlyList<InputError>? priorErrors = null)
    {
        // Path order is report order: a stable sort keeps inputs given twice under one name in the order given.
        var ordered = inputs.OrderBy(i => i.DisplayPath, StringComparer.Ordinal).ToArray();
        var unused = new UnusedBaselineEntries(this, inputs);
        var errors = new List<InputError>(priorErrors ?? []);
        var fileCount = 0;
        var workspace = _workspaceCheckers.Length > 0 ? new Workspace.WorkspaceFacts(_workspaceCheckers.Length) : null;
        OrderedParallel.Run(ordered, _options.MaxDegreeOfParallelism, _options.Window, input => Tuple.Create(input, LintOne(input)), pair =>
        {
            var (input, outcome) = pair;
            if (outcome.Error is not null)
            {
                errors.Add(outcome.Error);
                sink.OnFile(new LintedFile(outcome.Path, null, [], [], outcome.Error));
                return;
            }

            fileCount++;
            if (outcome.Facts is { } facts) workspace!.Add(facts);
            var findings = new List<Finding>();
            var hidden = new List<Finding>();
            foreach (var finding in outcome.Findings) (finding.IsActive ? findings : hidden).Add(finding);
            findings.AddRange(unused.Of(input, outcome));
            findings.Sort(Finding.Compare);
            hidden.Sort(Finding.Compare);
            // Only files with findings pass their bytes on, so a sink that keeps what it is given keeps no clean file.
            sink.OnFile(new LintedFile(outcome.Path, outcome.Findings.Count > 0 ? outcome.Source : null, findings, hidden, null));
        });

        var late = new List<Finding>(ConfigIgnoreFindings(inputs));
        late.AddRange(unused.Deferred());
        var crossDocument = workspace is null ? WorkspaceOutcome.None : CheckWorkspace(workspace, ordered);
        late.AddRange(crossDocument.Findings);
        late.Sort(Finding.Compare);
        errors.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : string.CompareOrdinal(a.Message, b.Message));
        sink.OnEnd(new LintSummary(late, errors, fileCount) { Hidden = crossDocument.Hidden, SourceOf = crossDocument.SourceOf(this), Notes = crossDocument.Notes });
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
        var source = new SourceFile(input.DisplayPath, bytes, loaded.Decoded?.Encoding ?? Decoding.SourceEncoding.Utf8, loaded.LineStarts, loaded.Decoded?.Text);
        if (loaded.Problem is not null)
        {
            var problems = new List<Finding>();
            if (loaded.Problem is { } problem && rules.IsEnabled(problem.Rule)) problems.Add(Baseline(problem with { Severity = rules.SeverityOf(problem.Rule) }, input));
            return new FileOutcome(input.DisplayPath, source, problems, null);
        }

        // A node file holds several documents: each is checked, suppressed and baselined on its own, and the
        // suppressions written before its <node> apply to each of them.
        var nodeFile = NodeFileSuppressions(loaded);
        var findings = new List<Finding>();
        foreach (var document in loaded.Documents)
        {
            var reported = new ReportedFindings();
            document.ComputesIdentity = ComputesIdentity;
            var checkers = _checkersByKind[document.Kind];
            var masks = _masksByKind[document.Kind];
            var present = _required.Of(document, ChecksSchema(document.Kind, rules));
            CheckContext? context = null;
            for (var i = 0; i < checkers.Length; i++)
            {
                // A check needing a node the document lacks would report nothing: not run at all.
                if (!masks.Covers(present, i)) continue;
                RunIsolated(checkers[i], document, rules, reported, ref context);
            }

            context?.Finish();
            findings.AddRange(Suppress(document, rules, reported, input, nodeFile));
        }

        if (nodeFile is not null)
            findings.AddRange(SuppressionProblems(loaded.NodeShell!, new SuppressionMatcher(nodeFile, [], _today, rules.JudgesSuppressionsOf), rules, input));
        var facts = CollectFacts(loaded.Documents, input, rules, findings);
        return new FileOutcome(input.DisplayPath, source, findings, null) { RootSpan = loaded.RootSpan, Facts = facts };
    }

    /// <summary>Whether one of the schema checks of the kind runs under <paramref name="rules"/>: then their walk is made with the required nodes'.</summary>
    private bool ChecksSchema(DocumentKind kind, RuleSettings rules)
    {
        foreach (var rule in _required.SchemaRulesOf(kind))
            if (rules.IsEnabled(rule)) return true;
        return false;
    }

    /// <summary>The suppression stage, then the baseline stage, while the tree is still alive to match flagged nodes.</summary>
    private List<Finding> Suppress(LintDocument document, RuleSettings rules, ReportedFindings reported, LintInput input, DocumentSuppressions? nodeFile = null)
    {
        var matcher = new SuppressionMatcher(InlineSuppressions(document, nodeFile), rules.Ignores, _today, rules.JudgesSuppressionsOf);
        var findings = new List<Finding>(reported.Count);
        foreach (var (finding, node) in reported.Items)
        {
            var match = matcher.Match(finding.Rule, node);
            findings.Add(Baseline(match is null ? finding : finding with { Suppression = match }, input));
        }

        // Suppression problems come after matching, so no suppression can hide them.
        findings.AddRange(SuppressionProblems(document, matcher, rules, input));
        return findings;
    }

    /// <summary>A document's own suppressions (none under <c>--no-inline-suppressions</c>), with those written before its node file's <c>&lt;node&gt;</c>.</summary>
    private DocumentSuppressions InlineSuppressions(LintDocument document, DocumentSuppressions? nodeFile)
    {
        var inline = _options.InlineSuppressions ? DocumentSuppressions.Collect(document.Xml, _lookup) : DocumentSuppressions.None;
        return nodeFile is null ? inline : inline.WithNodeFile(nodeFile, document.Root);
    }

    /// <summary>The suppressions written before a node file's <c>&lt;node&gt;</c>, which apply to each of its documents; null for other files.</summary>
    private DocumentSuppressions? NodeFileSuppressions(LoadResult loaded) =>
        loaded.NodeShell is { } shell && _options.InlineSuppressions ? DocumentSuppressions.Collect(shell.Xml, _lookup) : null;

    private IEnumerable<Finding> SuppressionProblems(LintDocument document, SuppressionMatcher matcher, RuleSettings rules, LintInput input)
    {
        foreach (var problem in matcher.Problems())
        {
            var rule = _catalog.Find(problem.RuleId)!;
            if (!rules.IsEnabled(rule)) continue;
            yield return Baseline(document.FindingOn(rule, rules.SeverityOf(rule), problem.Message, problem.Node, problem.Span), input);
        }
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
    /// <see cref="BaselineEntryUnusedId"/> finding at the file's root element. Entries of files the run did not lint say
    /// nothing. A file's entries are judged when it is delivered, since only its own findings can match them; a
    /// repository path linted more than once (a file and standard input named after it) waits for the end of the run.
    /// </summary>
    private sealed class UnusedBaselineEntries
    {
        private readonly Linter _linter;
        private readonly RuleDescriptor? _rule;
        private readonly HashSet<string> _shared = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (LintInput Input, FileOutcome Outcome)> _waiting = new(StringComparer.Ordinal);
        private readonly IReadOnlyList<LintInput> _inputs;

        public UnusedBaselineEntries(Linter linter, IReadOnlyList<LintInput> inputs)
        {
            _linter = linter;
            _inputs = inputs;
            if (linter._options.Baseline is null || linter._catalog.Find(BaselineEntryUnusedId) is not { } rule) return;
            _rule = rule;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                if (!seen.Add(PathOf(input))) _shared.Add(PathOf(input));
            }
        }

        public IEnumerable<Finding> Of(LintInput input, FileOutcome outcome)
        {
            if (_rule is null) return [];
            var path = PathOf(input);
            if (!_shared.Contains(path)) return Findings(path, input, outcome);
            _waiting[input.DisplayPath] = (input, outcome);
            return [];
        }

        /// <summary>The entries of shared paths, each reported at the first input (in the order given) that was read.</summary>
        public IEnumerable<Finding> Deferred()
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in _inputs)
            {
                if (!_waiting.TryGetValue(input.DisplayPath, out var waiting) || !done.Add(PathOf(input))) continue;
                foreach (var finding in Findings(PathOf(input), waiting.Input, waiting.Outcome)) yield return finding;
            }
        }

        private string PathOf(LintInput input) =>
            BaselineIdentity.NormalizePath(_linter._options.BaselinePath?.Invoke(input.DisplayPath) ?? input.DisplayPath);

        private IEnumerable<Finding> Findings(string path, LintInput input, FileOutcome outcome)
        {
            var rules = new RuleSettings(input.Config);
            foreach (var entry in _linter._options.Baseline!.Unused(file => file == path))
            {
                // An entry of a rule that did not run on the file (turned off, or not --select-ed) could not have matched.
                if (!rules.IsEnabled(_rule!) || (_linter._catalog.Find(entry.RuleId) is { } accepted && !rules.IsEnabled(accepted))) continue;
                var where = entry.Location.Length == 0 ? "the file as a whole" : $"'{entry.Location}'";
                var message = $"Baseline entry for {entry.RuleId} at {where} matched no finding: the problem was fixed or its value changed; drop the entry with 'virtlint baseline prune'.";
                yield return new Finding(_rule!, rules.SeverityOf(_rule!), message, input.DisplayPath, outcome.RootSpan) { LogicalLocation = entry.Location };
            }
        }
    }

    /// <summary>The engine rule reporting baseline entries that matched nothing.</summary>
    public const string BaselineEntryUnusedId = "VL0026";

    /// <summary>
    /// Runs one checker on one document. A checker that throws (a bug, or a static initialiser that failed) becomes an
    /// internal-error finding for that rule and document; the findings it made before failing are kept, and every other
    /// rule and document is still checked.
    /// </summary>
    private void RunIsolated(RuleChecker checker, LintDocument document, RuleSettings rules, ReportedFindings findings, ref CheckContext? context)
    {
        RuleDescriptor? rule = null;
        try
        {
            rule = checker.Descriptor;
            var configuration = rules.Of(rule);
            if (!configuration.Enabled) return;
            context = context?.For(rule, configuration.Severity, configuration.Parameters)
                ?? new CheckContext(document, rule, configuration.Severity, configuration.Parameters, findings);
            checker.Check(context);
        }
        catch (Exception e)
        {
            var message = RuleFailed(rule is null ? checker.GetType().Name : $"{rule.Id} ({rule.Name})", "this document", e);
            var internalError = _catalog.RuleInternalError;
            if (rules.IsEnabled(internalError))
                findings.Add(document.FindingOn(internalError, rules.SeverityOf(internalError), message, null), null);
        }
    }

    /// <summary>Whether findings get their identity: asked by a format (<see cref="LintOptions.FindingIdentities"/>) or matched by a baseline.</summary>
    private bool ComputesIdentity => _options.FindingIdentities || _options.Baseline is not null;

    /// <summary>The message of an internal-error finding: which rule failed where, and why.</summary>
    private static string RuleFailed(string rule, string where, Exception e) => $"Rule {rule} failed on {where} and was skipped: {Describe(e)}";

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
        /// <summary>The rule's configuration for this file: its config file's, else on at its default severity.</summary>
        public RuleConfiguration Of(RuleDescriptor rule) => config?[rule] ?? new RuleConfiguration(true, rule.DefaultSeverity, RuleParameters.Defaults);

        public bool IsEnabled(RuleDescriptor rule) => Of(rule).Enabled;

        public Severity SeverityOf(RuleDescriptor rule) => Of(rule).Severity;

        public RuleParameters ParametersOf(RuleDescriptor rule) => Of(rule).Parameters;

        public IReadOnlyList<ConfigIgnore> Ignores => config?.Ignores ?? [];

        /// <summary>
        /// Whether this file judges the rule's suppressions (used or not): a rule that ran on it, and not a cross-document
        /// rule, whose suppressions are judged when the workspace is checked.
        /// </summary>
        public bool JudgesSuppressionsOf(RuleDescriptor rule) => IsEnabled(rule) && !IsWorkspaceRule(rule);
    }

    private sealed record FileOutcome(string Path, SourceFile? Source, List<Finding> Findings, InputError? Error)
    {
        public SourceSpan RootSpan { get; init; } = SourceSpan.At(1, 1);

        /// <summary>What the file's documents contribute to the workspace; null when no cross-document rule runs.</summary>
        public Workspace.FileFacts? Facts { get; init; }
    }
}
