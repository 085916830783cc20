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
    public static IReadOnlyList<XObject> SortInPlace(List<XObject>? nodes)
    {
        if (nodes is null) return Array.Empty<XObject>();
        if (nodes.Count < 2 || nodes[0].Document is not { } document) return nodes;
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
        var kept = 1;
        for (var i = 1; i < nodes.Count; i++)
            if (!ReferenceEquals(nodes[i], nodes[kept - 1])) nodes[kept++] = nodes[i];
        nodes.RemoveRange(kept, nodes.Count - kept);
        return nodes;
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
