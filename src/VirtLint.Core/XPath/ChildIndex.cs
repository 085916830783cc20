using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// An element's child elements grouped by name, each group in document order, so <c>Xp.Children(devices, disk)</c>
/// costs the disks, not a walk past every other device. Every rule of a document starts from the same few wide
/// elements (<c>&lt;domain&gt;</c>, <c>&lt;devices&gt;</c>): those walks were a fifth of a fleet run's CPU time.
/// </summary>
/// <remarks>
/// Built after the first complete walk that met at least <see cref="MinChildren"/> child elements (a narrower element
/// is walked as cheaply as it is looked up) and kept in a small per-thread cache: a thread checks one document at a
/// time, and a document has only a few wide elements. Not an annotation of the element: every element already carries
/// line-information annotations, and looking through them on every loop cost more than the index saved. Trees are not
/// changed once checks read them (a loaded document never; a workspace's facts tree only while it is built); an index
/// whose element has since gained or lost its first or last child is not used.
/// </remarks>
internal sealed class ChildIndex
{
    public const int MinChildren = 8;

    private const int CacheSize = 8;

    // One thread-static read per look-up, and the cached parents side by side: most look-ups are of narrow elements
    // that have no index, and such a miss compares eight references in one array, touching no index.
    [ThreadStatic] private static Cache? t_cache;
    [ThreadStatic] private static Scratch? t_scratch;

    private readonly XNode? _first;
    private readonly XNode? _last;
    private readonly Dictionary<XName, XElement[]> _byName;

    private ChildIndex(XNode? first, XNode? last, Dictionary<XName, XElement[]> byName)
    {
        _first = first;
        _last = last;
        _byName = byName;
    }

    /// <summary>The children named <paramref name="name"/> from the index of <paramref name="parent"/>, when it has a current one.</summary>
    public static bool TryGet(XContainer parent, XName name, out XElement[] children)
    {
        if (t_cache is { } cache)
        {
            var parents = cache.Parents;
            // Slots fill from the first and are emptied together (Forget), so the first empty one ends the search.
            for (var slot = 0; slot < parents.Length && parents[slot] is not null; slot++)
            {
                if (!ReferenceEquals(parents[slot], parent)) continue;
                var index = cache.Indexes[slot]!;
                if (!ReferenceEquals(index._first, parent.FirstNode) || !ReferenceEquals(index._last, parent.LastNode)) break;
                children = index._byName.TryGetValue(name, out var found) ? found : [];
                return true;
            }
        }

        children = [];
        return false;
    }

    /// <summary>
    /// Drops this thread's indexes, and with them the trees they reach: when a thread turns to another document (the
    /// previous document's indexes would only lengthen every search), and after a workspace rule, whose facts tree is
    /// garbage once the rule has run and would be kept alive by an index of its root.
    /// </summary>
    public static void Forget()
    {
        if (t_cache is not { } cache) return;
        Array.Clear(cache.Parents);
        Array.Clear(cache.Indexes);
        cache.Next = 0;
    }

    /// <summary>Indexes <paramref name="parent"/>'s children (replacing an out-of-date index) for the next look-up.</summary>
    public static void Build(XContainer parent)
    {
        // Two passes: count each name's children, then fill arrays of exactly that size, so the index allocates its
        // dictionary and its arrays and nothing else (no list per name); the per-name counts live in a thread's scratch.
        var scratch = t_scratch ??= new Scratch();
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
            if (ElementTest.AsElement(node) is { } element) scratch.Count(element.Name);

        var distinct = scratch.Slots.Count;
        var byName = new Dictionary<XName, XElement[]>(distinct);
        foreach (var (name, slot) in scratch.Slots) byName[name] = scratch.Groups[slot] = new XElement[scratch.Counts[slot]];
        Array.Clear(scratch.Counts, 0, distinct);
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (ElementTest.AsElement(node) is not { } element) continue;
            var slot = scratch.Slots[element.Name];
            scratch.Groups[slot]![scratch.Counts[slot]++] = element;
        }

        // Drops the references to the document's names and elements; a scratch grown by an unusual element is not kept.
        if (distinct > Scratch.MaxRetainedNames) t_scratch = null;
        else scratch.Clear(distinct);
        var cache = t_cache ??= new Cache();
        var entry = Array.IndexOf(cache.Parents, parent);
        if (entry < 0)
        {
            entry = cache.Next;
            cache.Next = (cache.Next + 1) % CacheSize;
        }

        cache.Parents[entry] = parent;
        cache.Indexes[entry] = new ChildIndex(parent.FirstNode, parent.LastNode, byName);
    }

    /// <summary>
    /// The children named <paramref name="name"/> when <paramref name="parent"/> is wide enough to index (building the
    /// index on first use); null for a narrow one, which the caller walks.
    /// </summary>
    public static XElement[]? Lookup(XContainer parent, XName name)
    {
        if (TryGet(parent, name, out var children)) return children;
        var count = 0;
        for (var node = parent.FirstNode; node is not null && count < MinChildren; node = node.NextNode)
            if (ElementTest.AsElement(node) is not null) count++;
        if (count < MinChildren) return null;
        Build(parent);
        return TryGet(parent, name, out children) ? children : null;
    }

    /// <summary>A thread's indexes, by the element each indexes.</summary>
    private sealed class Cache
    {
        public readonly XContainer?[] Parents = new XContainer?[CacheSize];
        public readonly ChildIndex?[] Indexes = new ChildIndex?[CacheSize];
        public int Next;
    }

    /// <summary>The distinct child names of the element being indexed, with their counts and arrays: reused by a thread.</summary>
    private sealed class Scratch
    {
        public const int MaxRetainedNames = 256;

        public readonly Dictionary<XName, int> Slots = [];
        public int[] Counts = new int[16];
        public XElement[]?[] Groups = new XElement[]?[16];

        public void Count(XName name)
        {
            if (!Slots.TryGetValue(name, out var slot))
            {
                slot = Slots.Count;
                Slots.Add(name, slot);
                if (slot == Counts.Length)
                {
                    Array.Resize(ref Counts, slot * 2);
                    Array.Resize(ref Groups, slot * 2);
                }
            }

            Counts[slot]++;
        }

        public void Clear(int distinct)
        {
            Slots.Clear();
            Array.Clear(Counts, 0, distinct);
            Array.Clear(Groups, 0, distinct);
        }
    }
}
