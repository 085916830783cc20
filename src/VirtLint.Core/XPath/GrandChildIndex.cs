using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// The children of one name of an element's child elements (<c>devices/*/address</c>: every device's address), each
/// with its parent, in document order: gathered by one walk of the children and their children, then read from two
/// arrays by every rule of the document that takes the same path. Several rules (the PCI address rules) start from
/// every device's address, and each walked the devices' children again: a walk past whitespace and every other child
/// of every device.
/// </summary>
/// <remarks>
/// Kept per thread beside the child indexes (<see cref="ChildIndex"/>), for the document the thread is checking, and
/// dropped with them. As for those, trees are not changed once checks read them; a gathering whose element has since
/// gained or lost its first or last child is not used.
/// </remarks>
internal sealed class GrandChildIndex
{
    private const int CacheSize = 4;

    [ThreadStatic] private static GrandChildIndex?[]? t_cache;
    [ThreadStatic] private static int t_next;
    [ThreadStatic] private static List<XElement>? t_parents;
    [ThreadStatic] private static List<XElement>? t_children;

    private const int MaxRetained = 4096;

    private readonly XContainer _parent;
    private readonly XName _name;
    private readonly XNode? _first;
    private readonly XNode? _last;

    private GrandChildIndex(XContainer parent, XName name, XElement[] parents, XElement[] children)
    {
        _parent = parent;
        _name = name;
        _first = parent.FirstNode;
        _last = parent.LastNode;
        Parents = parents;
        Children = children;
    }

    /// <summary>Each gathered child's parent (a child element of the indexed element), in the order of <see cref="Children"/>.</summary>
    public XElement[] Parents { get; }

    /// <summary>The gathered children, in document order.</summary>
    public XElement[] Children { get; }

    /// <summary>The gathering of <paramref name="name"/> children of <paramref name="parent"/>'s child elements, made on first use.</summary>
    public static GrandChildIndex Of(XContainer parent, XName name)
    {
        var cache = t_cache ??= new GrandChildIndex?[CacheSize];
        foreach (var entry in cache)
        {
            if (entry is null) break;
            if (ReferenceEquals(entry._parent, parent) && ReferenceEquals(entry._name, name)
                && ReferenceEquals(entry._first, parent.FirstNode) && ReferenceEquals(entry._last, parent.LastNode))
                return entry;
        }

        // Gathered in the thread's scratch lists, so that only the two arrays of exactly the size are allocated.
        var parents = t_parents ??= [];
        var children = t_children ??= [];
        foreach (var child in Xp.Children(parent))
        {
            foreach (var grandChild in Xp.Children(child, name))
            {
                parents.Add(child);
                children.Add(grandChild);
            }
        }

        var index = new GrandChildIndex(parent, name, [.. parents], [.. children]);
        // Drops the references to the document; lists grown by an unusual element are not kept.
        if (children.Count > MaxRetained) (t_parents, t_children) = (null, null);
        else
        {
            parents.Clear();
            children.Clear();
        }

        // Slots fill from the first, so the search above stops at the first empty one; past the last, the oldest goes.
        var slot = Array.IndexOf(cache, null);
        if (slot < 0)
        {
            slot = t_next;
            t_next = (t_next + 1) % CacheSize;
        }

        cache[slot] = index;
        return index;
    }

    /// <summary>Drops this thread's gatherings, and with them the trees they reach (see <see cref="ChildIndex.Forget"/>).</summary>
    public static void Forget()
    {
        if (t_cache is null) return;
        Array.Clear(t_cache);
        t_next = 0;
    }
}
