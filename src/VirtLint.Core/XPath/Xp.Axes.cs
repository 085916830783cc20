using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// XPath 1.0 semantics over LINQ to XML, called by generated checkers. Node-sets are <see cref="IEnumerable{XObject}"/>;
/// steps that can yield a node twice (parent, ancestors, descendants of nested nodes) remove duplicates.
/// </summary>
public static partial class Xp
{
    public static IEnumerable<XObject> Single(XObject node) => [node];

    public static IEnumerable<XObject> Document(XObject node) => node.Document is { } document ? [document] : [];

    public static IEnumerable<XObject> Child(XObject node, XName name)
    {
        // The struct loop: one walk (or the element's index), where counting children first and then walking them took two.
        foreach (var child in Children(node, name))
            yield return child;
    }

    public static IEnumerable<XObject> Child(IEnumerable<XObject> nodes, XName name)
    {
        // The struct loop, not Child(node, name): no LINQ iterator per node of the input.
        foreach (var node in nodes)
            foreach (var child in Children(node, name))
                yield return child;
    }

    public static IEnumerable<XObject> ChildAny(XObject node) => node is XContainer container ? container.Elements() : [];

    public static IEnumerable<XObject> ChildAny(IEnumerable<XObject> nodes) => nodes.SelectMany(ChildAny);

    /// <summary><c>node()</c> on the child axis: elements and text, not comments or processing instructions.</summary>
    public static IEnumerable<XObject> ChildNodes(XObject node) =>
        node is XContainer container ? container.Nodes().Where(n => n is XElement or XText) : [];

    public static IEnumerable<XObject> ChildNodes(IEnumerable<XObject> nodes) => nodes.SelectMany(ChildNodes);

    public static IEnumerable<XObject> ChildText(XObject node) => node is XContainer container ? container.Nodes().OfType<XText>() : [];

    public static IEnumerable<XObject> ChildText(IEnumerable<XObject> nodes) => nodes.SelectMany(ChildText);

    public static IEnumerable<XObject> Attribute(XObject node, XName name) =>
        node is XElement element && element.Attribute(name) is { } attribute ? [attribute] : [];

    public static IEnumerable<XObject> Attribute(IEnumerable<XObject> nodes, XName name)
    {
        foreach (var node in nodes)
            if (node is XElement element && element.Attribute(name) is { } attribute)
                yield return attribute;
    }

    public static IEnumerable<XObject> AttributeAny(XObject node) =>
        node is XElement element ? element.Attributes().Where(a => !a.IsNamespaceDeclaration) : [];

    public static IEnumerable<XObject> AttributeAny(IEnumerable<XObject> nodes) => nodes.SelectMany(AttributeAny);

    public static IEnumerable<XObject> Descendant(XObject node, XName name) =>
        node is XContainer container ? container.Descendants(name) : [];

    public static IEnumerable<XObject> Descendant(IEnumerable<XObject> nodes, XName name) => nodes.SelectMany(n => Descendant(n, name)).Distinct();

    public static IEnumerable<XObject> DescendantAny(XObject node) => node is XContainer container ? container.Descendants() : [];

    public static IEnumerable<XObject> DescendantAny(IEnumerable<XObject> nodes) => nodes.SelectMany(DescendantAny).Distinct();

    /// <summary><c>descendant-or-self::node()</c>, as written by <c>//</c> before a non-child step (e.g. <c>//@port</c>).</summary>
    public static IEnumerable<XObject> DescendantOrSelf(XObject node) =>
        node is XContainer container ? new[] { node }.Concat(container.Descendants()) : [node];

    public static IEnumerable<XObject> DescendantOrSelf(IEnumerable<XObject> nodes) => nodes.SelectMany(DescendantOrSelf).Distinct();

    public static IEnumerable<XObject> SelfNamed(XObject node, XName name) => node is XElement e && e.Name == name ? [node] : [];

    public static IEnumerable<XObject> SelfNamed(IEnumerable<XObject> nodes, XName name) => nodes.Where(n => n is XElement e && e.Name == name);

    public static IEnumerable<XObject> Parent(XObject node)
    {
        if (node.Parent is { } parent) return [parent];
        if (node is XElement && node.Document is { } document) return [document];
        return [];
    }

    /// <summary>The parents of a node-set, in document order: the parent of a later node can come earlier.</summary>
    public static IEnumerable<XObject> Parent(IEnumerable<XObject> nodes) => DocumentOrder.Sort(nodes.SelectMany(Parent).Distinct());

    /// <summary>The ancestors in document order (the document node first), as XPath returns a reverse axis's node-set.</summary>
    public static IEnumerable<XObject> Ancestor(XObject node, bool includeSelf)
    {
        var ancestors = new List<XObject>();
        if (includeSelf) ancestors.Add(node);
        for (var current = ParentOf(node); current is not null; current = ParentOf(current))
            ancestors.Add(current);
        ancestors.Reverse();
        return ancestors;
    }

    public static IEnumerable<XObject> Ancestor(IEnumerable<XObject> nodes, bool includeSelf) => DocumentOrder.Sort(nodes.SelectMany(n => Ancestor(n, includeSelf)).Distinct());

    public static IEnumerable<XObject> FollowingSibling(XObject node) => node is XElement e ? e.ElementsAfterSelf() : [];

    /// <summary>
    /// The following siblings of a node-set, in document order: an element's siblings come after those of its
    /// descendants, which a node-set in document order lists later.
    /// </summary>
    public static IEnumerable<XObject> FollowingSibling(IEnumerable<XObject> nodes) => DocumentOrder.Sort(nodes.SelectMany(FollowingSibling).Distinct());

    public static IEnumerable<XObject> PrecedingSibling(XObject node) => node is XElement e ? e.ElementsBeforeSelf() : [];

    /// <summary>The preceding siblings of a node-set, in document order (those of a later node can come first).</summary>
    public static IEnumerable<XObject> PrecedingSibling(IEnumerable<XObject> nodes) => DocumentOrder.Sort(nodes.SelectMany(PrecedingSibling).Distinct());

    /// <summary>Keeps the named elements (or attributes) of an axis that yields any node.</summary>
    public static IEnumerable<XObject> Named(IEnumerable<XObject> nodes, XName name) =>
        nodes.Where(n => n is XElement e ? e.Name == name : n is XAttribute a && a.Name == name);

    public static IEnumerable<XObject> Elements(IEnumerable<XObject> nodes) => nodes.Where(n => n is XElement);

    /// <summary>A union in document order, whichever operand a node came from.</summary>
    public static IEnumerable<XObject> Union(IEnumerable<XObject> left, IEnumerable<XObject> right)
    {
        // Sorted as the gathered unions of emitted paths are: without numbering the document when the nodes come in order.
        var nodes = new List<XObject>(left);
        nodes.AddRange(right);
        return DocumentOrder.SortInPlace(nodes);
    }

    /// <summary>Evaluates a node-set once, for a <c>let</c> that may be read several times.</summary>
    public static IReadOnlyList<XObject> Materialize(IEnumerable<XObject> nodes) => nodes as IReadOnlyList<XObject> ?? nodes.ToArray();

    /// <summary>The node a finding points at: the first node of the location expression, else the context node.</summary>
    public static XObject FirstOr(IEnumerable<XObject> nodes, XObject fallback) => nodes.FirstOrDefault() ?? fallback;

    private static XObject? ParentOf(XObject node) =>
        node.Parent is { } parent ? parent : node is XElement ? node.Document : null;
}
