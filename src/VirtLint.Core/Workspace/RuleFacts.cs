using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// One cross-document rule's facts from the whole run, kept flat until the rule runs: a few words per fact and its
/// values, rather than an element, an attribute per value and an annotation each (a run of 100,000 domains holds
/// about half a million facts).
/// </summary>
internal sealed class RuleFacts
{
    private readonly AppendOnlyList<StoredFact> _facts = new();
    private readonly AppendOnlyList<string> _values = new();
    private readonly List<FactShape> _shapes = [];

    public int Count => _facts.Count;

    public void Add(in FileFact fact, int firstDocument)
    {
        _facts.Add(new StoredFact(firstDocument + fact.Document, _values.Count, fact.Span, ShapeOf(fact.Element, fact.Names), fact.IsAttribute));
        foreach (var value in fact.Values) _values.Add(value);
    }

    /// <summary>
    /// The facts as the rule's <c>&lt;workspace&gt;</c> tree: one element per document with facts, in report order
    /// (a node file's volumes inside their pool's element), each fact an element with one attribute per value.
    /// </summary>
    public XElement ToTree(AppendOnlyList<FactDocument> documents)
    {
        var root = new XElement(WorkspaceFacts.RootName);
        var elements = new Dictionary<int, XElement>();
        for (var i = 0; i < _facts.Count; i++)
        {
            var fact = _facts[i];
            var shape = _shapes[fact.Shape];
            var element = new XElement(shape.Element);
            for (var v = 0; v < shape.Names.Length; v++) element.Add(new XAttribute(shape.Names[v], _values[fact.Values + v]));
            var document = documents[fact.Document];
            element.AddAnnotation(new FactOrigin(document.Source, fact.Span, fact.IsAttribute));
            ElementOf(fact.Document).Add(element);
        }

        return root;

        XElement ElementOf(int index)
        {
            if (elements.TryGetValue(index, out var existing)) return existing;
            var document = documents[index];
            var element = new XElement(document.Kind.ToName());
            if (document.Host is { } host) element.Add(new XAttribute(WorkspaceFacts.HostAttribute, host));
            elements[index] = element;
            (document.Pool >= 0 ? ElementOf(document.Pool) : root).Add(element);
            return element;
        }
    }

    private ushort ShapeOf(XName element, XName[] names)
    {
        for (var i = 0; i < _shapes.Count; i++)
        {
            if (_shapes[i].Is(element, names)) return (ushort)i;
        }

        if (_shapes.Count == ushort.MaxValue) throw new InvalidOperationException("A rule declares more kinds of fact than a workspace can hold.");
        _shapes.Add(new FactShape(element, names));
        return (ushort)(_shapes.Count - 1);
    }

    /// <summary>A fact as stored: its document (run-wide index), where its values start, its node's span, its shape.</summary>
    private readonly record struct StoredFact(int Document, int Values, SourceSpan Span, ushort Shape, bool IsAttribute);
}
