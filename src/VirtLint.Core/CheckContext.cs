using System.Runtime.CompilerServices;
using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core;

/// <summary>What a checker sees while checking one document: the document, its parameters, and a sink for findings.</summary>
public sealed class CheckContext
{
    private readonly ReportedFindings _findings;
    private RuleParameters _parameters;

    /// <param name="severity">The rule's effective severity for this document.</param>
    /// <param name="parameters">The rule's parameters, typed and bound once per run by the configuration.</param>
    public CheckContext(LintDocument document, RuleDescriptor rule, Severity severity, RuleParameters parameters, ReportedFindings findings)
    {
        // A thread checks one document at a time, through one context made for it: the child indexes of the thread's
        // previous document are of no more use.
        XPath.ChildIndex.Forget();
        Document = document;
        Rule = rule;
        Severity = severity;
        _parameters = parameters;
        _findings = findings;
    }

    public LintDocument Document { get; }
    public RuleDescriptor Rule { get; private set; }
    public Severity Severity { get; private set; }

    /// <summary>
    /// The context turned to another rule of the same document: the engine runs a document's checks one after another
    /// through one context (a fleet run made one per check: about ten million). A check keeps no context past its run.
    /// </summary>
    public CheckContext For(RuleDescriptor rule, Severity severity, RuleParameters parameters)
    {
        Rule = rule;
        Severity = severity;
        _parameters = parameters;
        return this;
    }
    public XElement Root => Document.Root;

    /// <summary>
    /// Ends the document's checks: drops what the thread kept for them (child indexes, the schema walk), which would
    /// otherwise hold the whole tree while the thread parses its next document, and carry it into an older generation
    /// at the first collection there.
    /// </summary>
    public void Finish()
    {
        XPath.ChildIndex.Forget();
        Schema.SchemaProblems.Forget();
    }

    // Reports are out of line: a checker has several report sites, each in a loop that mostly finds nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Report(XObject node, string message) =>
        _findings.Add(Document.FindingOn(Rule, Severity, message, node), node);

    /// <summary>Reports a finding with the other nodes that explain it, each with what it shows there.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Report(XObject node, string message, IReadOnlyList<RelatedNode> related)
    {
        var finding = Document.FindingOn(Rule, Severity, message, node);
        // A workspace's nodes are facts, located later in their own files; a document's are located now, with its tree.
        if (Document.Kind == DocumentKind.Workspace)
        {
            _findings.Add(finding, node, related);
            return;
        }

        var locations = related.Take(Linter.MaxRelatedLocations).Select(r => new RelatedLocation(Document.Path, Document.SpanOf(r.Node), r.Message)).ToArray();
        _findings.Add(finding with { Related = locations }, node);
    }

    /// <summary>Reports a region the node spans do not describe, such as an element's text value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Report(SourceSpan span, string message) =>
        _findings.Add(Document.FindingOn(Rule, Severity, message, null, span), null);

    public string GetString(string name, string defaultValue) => _parameters.GetString(name, defaultValue);

    public double GetNumber(string name, double defaultValue) => _parameters.GetNumber(name, defaultValue);

    public bool GetBoolean(string name, bool defaultValue) => _parameters.GetBoolean(name, defaultValue);

    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> defaultValue) => _parameters.GetStringList(name, defaultValue);
}
