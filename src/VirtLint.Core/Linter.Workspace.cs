using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.Suppressions;
using VirtLint.Core.Workspace;

namespace VirtLint.Core;

/// <summary>
/// The workspace stage: while each file is linted its documents contribute facts to the cross-document rules; after the
/// last file those rules run once over the facts of the whole run. A finding on a fact is then completed from its file
/// (read again, only for the files that have one): logical location, value, suppressions, baseline.
/// </summary>
public sealed partial class Linter
{
    private readonly WorkspaceRuleChecker[] _workspaceCheckers;

    private static bool IsWorkspaceRule(RuleDescriptor rule) => rule.Target == DocumentKind.Workspace.ToName();

    /// <summary>
    /// The related locations a finding keeps: the first ones in document order. A pool's thin volumes may number in
    /// the thousands; every format repeats a finding's related locations, so without a bound the report would grow
    /// with findings times related nodes.
    /// </summary>
    public const int MaxRelatedLocations = 10;

    /// <summary>The facts from which a rule's tree is large enough (several megabytes) to be collected as soon as the rule has run.</summary>
    private const int LargeFactTree = 50_000;

    /// <summary>The workspace stage's findings (active and hidden), the files they are in, and the run's notes.</summary>
    private sealed record WorkspaceOutcome(List<Finding> Findings, List<Finding> Hidden, Dictionary<string, LintInput> Flagged, List<RunNote> Notes)
    {
        public static WorkspaceOutcome None => new([], [], new(StringComparer.Ordinal), []);

        public void Add(WorkspaceOutcome part)
        {
            Findings.AddRange(part.Findings);
            Hidden.AddRange(part.Hidden);
            foreach (var (path, input) in part.Flagged) Flagged.TryAdd(path, input);
            Notes.AddRange(part.Notes);
        }

        /// <summary>A flagged file's source, read again (not parsed) when a format asks for it.</summary>
        public Func<string, SourceFile?> SourceOf(Linter linter) => path =>
        {
            if (!Flagged.TryGetValue(path, out var input) || linter.ReadAgain(input) is not { } bytes) return null;
            var decoded = Decoding.SourceDecoder.Decode(bytes).Text;
            return new SourceFile(path, bytes, decoded?.Encoding ?? Decoding.SourceEncoding.Utf8, null, decoded?.Text);
        };
    }

    /// <summary>Collects the facts of a file's documents for every cross-document rule that runs on the file.</summary>
    private FileFacts? CollectFacts(IReadOnlyList<LintDocument> documents, LintInput input, RuleSettings rules, List<Finding> findings)
    {
        if (_workspaceCheckers.Length == 0) return null;
        var source = new FactSource(input);
        bool Takes(int index, LintDocument document) =>
            _workspaceCheckers[index].FactKinds.Contains(document.Kind) && rules.IsEnabled(_workspaceCheckers[index].Descriptor);

        return WorkspaceFacts.Collect(documents, source, _workspaceCheckers.Length, Takes, (index, context) =>
        {
            var checker = _workspaceCheckers[index];
            var document = context.Document;
            try
            {
                checker.CollectFacts(context);
            }
            catch (Exception e)
            {
                var internalError = _catalog.RuleInternalError;
                if (!rules.IsEnabled(internalError)) return;
                var message = RuleFailed($"{checker.Descriptor.Id} ({checker.Descriptor.Name})", "this document", e);
                findings.Add(Baseline(document.FindingOn(internalError, rules.SeverityOf(internalError), message, null), input));
            }
        });
    }

    private WorkspaceOutcome CheckWorkspace(WorkspaceFacts facts, IReadOnlyList<LintInput> inputs)
    {
        // One rule at a time: each builds indexes over the whole run's facts, and two at once would hold both.
        var outcome = WorkspaceOutcome.None;
        var reports = new List<WorkspaceReport>();
        var collects = false;
        for (var index = 0; index < _workspaceCheckers.Length; index++)
        {
            var large = facts.Count(index) >= LargeFactTree;
            Check(index, facts, inputs, outcome, reports);
            facts.Release(index);
            // An index of the facts tree's root would keep the whole tree alive.
            XPath.ChildIndex.Forget();
            // A large tree has lived through its rule's check into the older generations, where the collector would
            // leave it, and the next rules' trees, until the heap had grown by several of them: collected now, a
            // fleet run holds one tree at a time. (100,000 domains: about 390 MiB at this stage without.)
            if (large) GC.Collect();
            collects |= large;
        }

        // Completing reads every flagged file again; started on a heap cleared of the rules' trees and indexes, it
        // reuses their space (100,000 domains: 263 MiB peak without, 213 with).
        if (collects) GC.Collect();

        // Files are completed in parallel, each into its own outcome, merged in file order so that the result does not
        // depend on which finished first.
        var files = reports.GroupBy(r => r.Origin.Source).ToArray();
        var byFile = new WorkspaceOutcome[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
        {
            byFile[i] = WorkspaceOutcome.None;
            Complete(files[i].Key.Input, files[i].ToList(), byFile[i]);
        });

        foreach (var part in byFile) outcome.Add(part);
        outcome.Hidden.Sort(Finding.Compare);
        return outcome;
    }

    /// <summary>Runs one cross-document rule over its facts and keeps what it reports.</summary>
    private void Check(int index, WorkspaceFacts facts, IReadOnlyList<LintInput> inputs, WorkspaceOutcome outcome, List<WorkspaceReport> reports)
    {
        var checker = _workspaceCheckers[index];
        var rule = checker.Descriptor;
        // The rule's parameters come from the first file (in report order) whose configuration runs it.
        var governing = inputs.FirstOrDefault(i => new RuleSettings(i.Config).IsEnabled(rule));
        if (governing is null) return;
        var missing = checker.Requires.Where(kind => !facts.Has(kind)).ToArray();
        if (missing.Length > 0)
        {
            // Said once, never as a finding, when the run is a workspace (a single document is a definition checked on its
            // own, as a pre-deploy gate does) and had something for the rule to judge (a fact of its other kinds).
            if (facts.Documents > 1 && checker.FactKinds.Any(kind => facts.HasFacts(index, kind) && !checker.Requires.Contains(kind)))
                outcome.Notes.Add(new RunNote(rule.Id, $"{rule.Name} was not checked: the run has no {Kinds(missing)} document to check against."));
            return;
        }

        var settings = new RuleSettings(governing.Config);
        var reported = new ReportedFindings();
        try
        {
            checker.Check(new CheckContext(facts.ToDocument(index), rule, settings.SeverityOf(rule), settings.ParametersOf(rule), reported));
        }
        catch (Exception e)
        {
            var internalError = _catalog.RuleInternalError;
            if (!settings.IsEnabled(internalError)) return;
            var message = RuleFailed($"{rule.Id} ({rule.Name})", "the workspace", e);
            outcome.Findings.Add(new Finding(internalError, settings.SeverityOf(internalError), message, governing.DisplayPath, SourceSpan.At(1, 1)));
            return;
        }

        for (var i = 0; i < reported.Count; i++)
        {
            var (finding, node) = reported.Items[i];
            var related = reported.RelatedAt(i).Take(MaxRelatedLocations)
                .Select(r => FactOrigin.Get(r.Node) is var at ? new RelatedLocation(at.Source.Path, at.Span, r.Message) : null)
                .ToArray();
            reports.Add(new WorkspaceReport(rule, finding.Message, FactOrigin.Get(node!), related!));
        }
    }

    private static string Kinds(IReadOnlyList<DocumentKind> kinds) => string.Join(" or ", kinds.Select(k => k.ToName()));

    private sealed record WorkspaceReport(RuleDescriptor Rule, string Message, FactOrigin Origin, IReadOnlyList<RelatedLocation> Related);

    /// <summary>Turns one file's workspace reports into findings, reading the file again to locate each flagged node.</summary>
    private void Complete(LintInput input, List<WorkspaceReport> reports, WorkspaceOutcome outcome)
    {
        var rules = new RuleSettings(input.Config);
        var documents = Reload(input, out var nodeFile);
        outcome.Flagged.TryAdd(input.DisplayPath, input);
        var matchers = new Dictionary<LintDocument, SuppressionMatcher>();
        foreach (var report in reports)
        {
            if (!rules.IsEnabled(report.Rule)) continue;
            var severity = rules.SeverityOf(report.Rule);
            var (document, node) = Find(documents, report.Origin);
            Finding finding;
            if (document is null || node is null)
            {
                // The file changed since it was linted: the finding keeps the place the facts recorded.
                finding = new Finding(report.Rule, severity, report.Message, input.DisplayPath, report.Origin.Span);
            }
            else
            {
                finding = document.FindingOn(report.Rule, severity, report.Message, node);
                if (!matchers.TryGetValue(document, out var matcher))
                    matchers[document] = matcher = new SuppressionMatcher(InlineSuppressions(document, nodeFile), rules.Ignores, _today, rules.IsEnabled);

                if (matcher.Match(report.Rule, node) is { } match) finding = finding with { Suppression = match };
            }

            finding = Baseline(finding with { Related = report.Related }, input);
            (finding.IsActive ? outcome.Findings : outcome.Hidden).Add(finding);
        }
    }

    /// <summary>The file's documents, read again; none when it can no longer be read or parsed.</summary>
    private IReadOnlyList<LintDocument> Reload(LintInput input, out DocumentSuppressions? nodeFile)
    {
        nodeFile = null;
        if (ReadAgain(input) is not { } bytes) return [];
        var loaded = DocumentLoader.Load(input.DisplayPath, bytes, _catalog);
        nodeFile = NodeFileSuppressions(loaded);
        foreach (var document in loaded.Documents) document.ComputesIdentity = ComputesIdentity;
        return loaded.Documents;
    }

    /// <summary>The file's bytes, read again (standard input's are kept by its input); null when it can no longer be read.</summary>
    private byte[]? ReadAgain(LintInput input) => input.Content ?? Files.FileReader.Read(input.FilePath!, _options.MaxFileSize).Bytes;

    /// <summary>The element or attribute whose own line info is the origin's, and its document.</summary>
    private static (LintDocument? Document, XObject? Node) Find(IReadOnlyList<LintDocument> documents, FactOrigin origin)
    {
        foreach (var document in documents)
        {
            foreach (var element in document.Root.DescendantsAndSelf())
            {
                var info = (IXmlLineInfo)element;
                if (info.LineNumber > origin.Line) break;
                if (!origin.IsAttribute)
                {
                    if (info.LineNumber == origin.Line && info.LinePosition == origin.Column) return (document, element);
                    continue;
                }

                foreach (var attribute in element.Attributes())
                {
                    var at = (IXmlLineInfo)attribute;
                    if (at.LineNumber == origin.Line && at.LinePosition == origin.Column) return (document, attribute);
                }
            }
        }

        return (null, null);
    }
}
