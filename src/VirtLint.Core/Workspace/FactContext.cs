using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// What a workspace rule sees while one document's tree is alive: the document and a sink for facts. Facts are sets:
/// the same fact (element and values) twice in one document is kept once, at its first node, so a look-up across
/// documents never finds a document's own repetition.
/// </summary>
public sealed class FactContext
{
    private readonly int _document;
    private HashSet<string>? _seen;

    internal FactContext(LintDocument document, int documentIndex, List<FileFact>? facts)
    {
        Document = document;
        _document = documentIndex;
        Facts = facts;
    }

    /// <summary>The facts gathered so far for the rule from the file (shared by its documents); null until the first.</summary>
    internal List<FileFact>? Facts { get; private set; }

    public LintDocument Document { get; }

    public XElement Root => Document.Root;

    /// <summary>Adds a fact element named <paramref name="element"/> with one attribute per name and value, located at <paramref name="node"/>.</summary>
    public void Add(XName element, XObject node, XName[] names, string[] values)
    {
        var key = string.Concat(element.LocalName, "\u0000", string.Join("\u0000", values));
        if (!(_seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(key)) return;
        // Text and comments have no identity of their own here: a fact on them is located at their element.
        if (node is not (XElement or XAttribute)) node = node.Parent ?? (XObject)Document.Root;
        (Facts ??= []).Add(new FileFact(_document, element, names, values, Document.SpanOf(node), node is XAttribute));
    }
}
