using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// The findings checkers reported on one document, each with the node it flags (null for the document as a whole),
/// so that the suppression stage can match it against the tree before the tree is dropped.
/// </summary>
public sealed class ReportedFindings
{
    private readonly List<(Finding Finding, XObject? Node)> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<(Finding Finding, XObject? Node)> Items => _items;

    public void Add(Finding finding, XObject? node) => _items.Add((finding, node));

    /// <summary>A finding with the other nodes that explain it (cross-document rules): kept beside the item, by its index.</summary>
    public void Add(Finding finding, XObject? node, IReadOnlyList<RelatedNode> related)
    {
        _related ??= [];
        _related[_items.Count] = related;
        _items.Add((finding, node));
    }

    /// <summary>The related nodes reported with the item at <paramref name="index"/>; empty for most findings.</summary>
    public IReadOnlyList<RelatedNode> RelatedAt(int index) => _related is not null && _related.TryGetValue(index, out var related) ? related : [];

    private Dictionary<int, IReadOnlyList<RelatedNode>>? _related;
}

/// <summary>A node that explains a finding elsewhere (the other domain using a MAC address), with what it shows there.</summary>
public readonly record struct RelatedNode(XObject Node, string Message);
