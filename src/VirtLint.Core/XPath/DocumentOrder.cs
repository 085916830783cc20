using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// XPath node-sets are in document order: <c>name(ancestor::*)</c> is the root element's name and <c>name(os | devices)</c>
/// is <c>os</c>'s whichever operand names it. Positions are numbered once per document (element, its attributes, then
/// its children), on the first sort that needs them, and kept as an annotation of the document, so a sort costs
/// n log n in the nodes sorted, not a walk of the document.
/// </summary>
public static class DocumentOrder
{
    private sealed class Positions(Dictionary<XObject, int> map)
    {
        public Dictionary<XObject, int> Map { get; } = map;
    }

    /// <summary>The nodes, without duplicates, in document order; already-ordered input is returned as it is.</summary>
    public static IReadOnlyList<XObject> Sort(IEnumerable<XObject> nodes)
    {
        var list = nodes as List<XObject> ?? nodes.ToList();
        if (list.Count < 2) return list;
        var document = list[0].Document;
        if (document is null) return list;
        var positions = PositionsOf(document);
        var previous = -1;
        var ordered = true;
        foreach (var node in list)
        {
            var position = positions.GetValueOrDefault(node, -1);
            if (position <= previous) { ordered = false; break; }
            previous = position;
        }

        if (ordered) return list;
        var keyed = list.Distinct().Select(n => (Node: n, Position: positions.GetValueOrDefault(n, int.MaxValue))).ToList();
        // Stable, so nodes of another document (never expected) keep their relative order at the end.
        return keyed.OrderBy(k => k.Position).Select(k => k.Node).ToArray();
    }

    /// <summary>
    /// A union's nodes, gathered into <paramref name="nodes"/> (null for none), put in document order without duplicates
    /// in place: what <see cref="Sort"/> returns for the same nodes, without an extra copy.
    /// </summary>
    /// <remarks>
    /// Nodes already in order (of any number) and nodes out of order by a few places (a union of two paths, each in
    /// order) are compared through their ancestors, without numbering the document: numbering every node of every
    /// document for one union was most of a fleet run's sorting. Two children of a wide element are compared by their
    /// places in its <see cref="ChildIndex"/> when it has one, instead of walking the siblings between them. Sorts
    /// whose comparisons would take more steps than a budget that grows with the nodes fall back to the numbering, so
    /// a sort stays n log n.
    /// </remarks>
    public static IReadOnlyList<XObject> SortInPlace(List<XObject>? nodes)
    {
        if (nodes is null) return Array.Empty<XObject>();
        if (nodes.Count < 2 || nodes[0].Document is not { } document) return nodes;
        switch (IsOrdered(nodes, document))
        {
            case true:
                return nodes;
            case false when SortByComparison(nodes):
                return nodes;
        }

        var positions = PositionsOf(document);
        var previous = -1;
        var ordered = true;
        foreach (var node in nodes)
        {
            // A node of another document (never expected) has no position: the general sort keeps such nodes last.
            if (!positions.TryGetValue(node, out var position)) return Sort(nodes.Distinct());
            if (position <= previous) ordered = false;
            previous = position;
        }

        if (ordered) return nodes;
        SortByPosition(nodes, positions);
        RemoveAdjacentDuplicates(nodes);
        return nodes;
    }

    // Steps (comparisons, and siblings walked by them) one sort may take, beyond a few per node, before numbering the
    // document is cheaper.
    private const int SiblingBudget = 64;

    /// <summary>
    /// Whether the nodes are in document order without duplicates, told by comparing each with the next (most unions
    /// come out ordered: one operand selects them all); null when a node is of another document or the comparisons
    /// would walk too far. For ordered nodes the sibling walks add up to at most the siblings they pass once, so the
    /// budget grows with the nodes: a long ordered union is confirmed without numbering the document.
    /// </summary>
    private static bool? IsOrdered(List<XObject> nodes, XDocument document)
    {
        foreach (var node in nodes)
            if (!ReferenceEquals(node.Document, document)) return null;
        var budget = SiblingBudget + 4 * nodes.Count;
        for (var i = 1; i < nodes.Count; i++)
        {
            var order = Compare(nodes[i - 1], nodes[i], ref budget);
            if (order is null) return null;
            if (order >= 0) return false;
        }

        return true;
    }

    // Insertion sort by pairwise comparison, for nodes of one document: a few steps for nodes a few places out of
    // order. False (nodes untouched) when the comparisons would take more than the budget.
    private static bool SortByComparison(List<XObject> nodes)
    {
        var budget = SiblingBudget + 4 * nodes.Count;
        var sorted = nodes.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var node = sorted[i];
            var j = i - 1;
            while (j >= 0)
            {
                var order = Compare(sorted[j], node, ref budget);
                if (order is null) return false;
                if (order <= 0) break;
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = node;
        }

        for (var i = 0; i < sorted.Length; i++) nodes[i] = sorted[i];
        RemoveAdjacentDuplicates(nodes);
        return true;
    }

    private static void RemoveAdjacentDuplicates(List<XObject> nodes)
    {
        var kept = 1;
        for (var i = 1; i < nodes.Count; i++)
            if (!ReferenceEquals(nodes[i], nodes[kept - 1])) nodes[kept++] = nodes[i];
        nodes.RemoveRange(kept, nodes.Count - kept);
    }

    /// <summary>
    /// Document order of two nodes of one document: negative when <paramref name="a"/> comes first, zero for the same
    /// node; null when the comparison and the siblings it walks would take more than <paramref name="budget"/> steps
    /// (then spent).
    /// </summary>
    private static int? Compare(XObject a, XObject b, ref int budget)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (--budget < 0) return null;
        var depthA = Depth(a);
        var depthB = Depth(b);
        var x = a;
        var y = b;
        for (; depthA > depthB; depthA--)
        {
            var parent = ParentOf(x)!;
            if (ReferenceEquals(parent, y)) return 1;
            x = parent;
        }

        for (; depthB > depthA; depthB--)
        {
            var parent = ParentOf(y)!;
            if (ReferenceEquals(parent, x)) return -1;
            y = parent;
        }

        while (true)
        {
            var parentX = ParentOf(x);
            var parentY = ParentOf(y);
            if (ReferenceEquals(parentX, parentY)) break;
            x = parentX!;
            y = parentY!;
        }

        // Siblings: an element's attributes come before its children.
        switch (x, y)
        {
            case (XAttribute first, XAttribute second):
                for (var next = first.NextAttribute; next is not null; next = next.NextAttribute)
                {
                    if (ReferenceEquals(next, second)) return -1;
                    if (--budget < 0) return null;
                }

                return 1;
            case (XAttribute, _):
                return -1;
            case (_, XAttribute):
                return 1;
            case (XElement first, XElement second) when ParentOf(first) is XContainer parent && ChildIndex.Current(parent) is { } index:
                return index.PositionOf(first) < index.PositionOf(second) ? -1 : 1;
            default:
                for (var next = ((XNode)x).NextNode; next is not null; next = next.NextNode)
                {
                    if (ReferenceEquals(next, y)) return -1;
                    if (--budget < 0) return null;
                }

                return 1;
        }
    }

    private static XObject? ParentOf(XObject node) => node switch
    {
        XDocument => null,
        XAttribute attribute => attribute.Parent,
        XNode child => (XObject?)child.Parent ?? child.Document,
        _ => null,
    };

    private static int Depth(XObject node)
    {
        var depth = 0;
        for (var current = ParentOf(node); current is not null; current = ParentOf(current)) depth++;
        return depth;
    }

    // A method of its own: the comparison's closure would otherwise be allocated on every call of SortInPlace.
    private static void SortByPosition(List<XObject> nodes, Dictionary<XObject, int> positions) =>
        nodes.Sort((a, b) => positions[a].CompareTo(positions[b]));

    private static Dictionary<XObject, int> PositionsOf(XDocument document)
    {
        lock (document)
        {
            if (document.Annotation<Positions>() is { } existing) return existing.Map;
            var map = new Dictionary<XObject, int>(ReferenceEqualityComparer.Instance);
            var next = 0;
            map[document] = next++;
            var stack = new Stack<XNode>();
            for (var node = document.LastNode; node is not null; node = node.PreviousNode) stack.Push(node);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                map[node] = next++;
                if (node is not XElement element) continue;
                foreach (var attribute in element.Attributes()) map[attribute] = next++;
                for (var child = element.LastNode; child is not null; child = child.PreviousNode) stack.Push(child);
            }

            document.AddAnnotation(new Positions(map));
            return map;
        }
    }
}
