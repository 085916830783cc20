using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>What a checker sees while checking one document: the document, its parameters, and a sink for findings.</summary>
public sealed class CheckContext
{
    private readonly List<Finding> _findings;
    private readonly IReadOnlyDictionary<string, string>? _parameters;

    public CheckContext(LintDocument document, RuleDescriptor rule, Severity severity, IReadOnlyDictionary<string, string>? parameters, List<Finding> findings)
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
        _findings.Add(new Finding(Rule, Severity, message, Document.Path, Document.SpanOf(node)));

    /// <summary>Reports a region the node spans do not describe, such as an element's text value.</summary>
    public void Report(SourceSpan span, string message) =>
        _findings.Add(new Finding(Rule, Severity, message, Document.Path, span));

    public string GetString(string name, string defaultValue) =>
        _parameters is not null && _parameters.TryGetValue(name, out var value) ? value : defaultValue;

    public double GetNumber(string name, double defaultValue) =>
        _parameters is not null && _parameters.TryGetValue(name, out var value) && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : defaultValue;

    public bool GetBoolean(string name, bool defaultValue) =>
        _parameters is not null && _parameters.TryGetValue(name, out var value) && bool.TryParse(value, out var flag) ? flag : defaultValue;

    /// <summary>A list parameter; an override is a comma-separated list.</summary>
    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> defaultValue) =>
        _parameters is not null && _parameters.TryGetValue(name, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : defaultValue;
}
