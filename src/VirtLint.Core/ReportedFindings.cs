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
}
