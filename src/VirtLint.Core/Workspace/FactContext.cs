using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// What a workspace rule sees while one document's tree is alive: the document and a sink for facts. Facts are sets:
/// the same fact (element and values) twice in one document is kept once, at its first node, so a look-up across
/// documents never finds a document's own repetition.
/// </summary>
public sealed class FactContext
{
    private readonly FactSource _source;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public FactContext(LintDocument document, FactSource source, XElement facts)
    {
        Document = document;
        _source = source;
        Facts = facts;
    }

    public LintDocument Document { get; }

    public XElement Root => Document.Root;

    /// <summary>The document's element in the workspace (named after its kind), holding its facts.</summary>
    public XElement Facts { get; }

    /// <summary>Adds a fact element named <paramref name="element"/> with one attribute per name and value, located at <paramref name="node"/>.</summary>
    public void Add(XName element, XObject node, XName[] names, string[] values)
    {
        var key = string.Concat(element.LocalName, "\u0000", string.Join("\u0000", values));
        if (!_seen.Add(key)) return;
        var fact = new XElement(element);
        for (var i = 0; i < names.Length; i++) fact.Add(new XAttribute(names[i], values[i]));
        fact.AddAnnotation(FactOrigin.Of(Document, _source, node));
        Facts.Add(fact);
    }
}
