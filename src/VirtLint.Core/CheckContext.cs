using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core;

/// <summary>What a checker sees while checking one document: the document, its parameters, and a sink for findings.</summary>
public sealed class CheckContext
{
    private readonly ReportedFindings _findings;
    private readonly RuleParameters _parameters;

    /// <param name="severity">The rule's effective severity for this document.</param>
    /// <param name="parameters">The rule's parameters, typed and bound once per run by the configuration.</param>
    public CheckContext(LintDocument document, RuleDescriptor rule, Severity severity, RuleParameters parameters, ReportedFindings findings)
    {
        Document = document;
        Rule = rule;
        Severity = severity;
        _parameters = parameters;
        _findings = findings;
    }

    public LintDocument Document { get; }
    public RuleDescriptor Rule { get; }
    public Severity Severity { get; }
    public XElement Root => Document.Root;

    public void Report(XObject node, string message) =>
        _findings.Add(Document.FindingOn(Rule, Severity, message, node), node);

    /// <summary>Reports a finding with the other nodes that explain it (cross-document rules).</summary>
    public void Report(XObject node, string message, IReadOnlyList<RelatedNode> related) =>
        _findings.Add(Document.FindingOn(Rule, Severity, message, node), node, related);

    /// <summary>Reports a region the node spans do not describe, such as an element's text value.</summary>
    public void Report(SourceSpan span, string message) =>
        _findings.Add(Document.FindingOn(Rule, Severity, message, null, span), null);

    public string GetString(string name, string defaultValue) => _parameters.GetString(name, defaultValue);

    public double GetNumber(string name, double defaultValue) => _parameters.GetNumber(name, defaultValue);

    public bool GetBoolean(string name, bool defaultValue) => _parameters.GetBoolean(name, defaultValue);

    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> defaultValue) => _parameters.GetStringList(name, defaultValue);
}
