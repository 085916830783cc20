using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>The required nodes found so far in one document, marked element by element by whatever walks it.</summary>
internal sealed class RequiredNodeMarks(RequiredNodeSets sets, ulong[] present)
{
    public ulong[] Present => present;

    public void Mark(XElement element) => sets.Mark(element, present);

    /// <summary>Marks the element and everything below it, walked through the node links: no iterator, no stack.</summary>
    public void MarkSubtree(XElement root)
    {
        for (XElement? element = root; element is not null; element = RequiredNodeSets.Next(element, root))
            sets.Mark(element, present);
    }

    /// <summary>Marks everything below the element, not the element itself.</summary>
    public void MarkDescendants(XElement parent)
    {
        for (var child = RequiredNodeSets.FirstElement(parent.FirstNode); child is not null; child = RequiredNodeSets.FirstElement(child.NextNode))
            MarkSubtree(child);
    }
}
