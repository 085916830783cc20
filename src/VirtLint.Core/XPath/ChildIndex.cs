using System.Runtime.CompilerServices;
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

    // Past this many distinct names, a look-up goes through a dictionary instead of comparing every name.
    private const int MaxScannedNames = 16;

    private readonly XNode? _first;
    private readonly XNode? _last;

    // The distinct child names in order of first appearance, and the children grouped by name in one array, each
    // group in document order (name i's at _starts[i] to _starts[i + 1]): a look-up compares a few atomised names (a
    // <devices> has about fifteen), no hashing, and the index is a handful of arrays however many names there are.
    private readonly XName[] _names;
    private readonly int[] _starts;
    private readonly XElement[] _grouped;
    private readonly XNameMap<int>? _slots;

    // Every child element in document order: a walk of all the children (devices/*) steps over no whitespace text
    // and follows no sibling links.
    private readonly XElement[] _all;

    private ChildIndex(XNode? first, XNode? last, XName[] names, int[] starts, XElement[] grouped, XElement[] all)
    {
        _first = first;
        _last = last;
        _names = names;
        _starts = starts;
        _grouped = grouped;
        _all = all;
        if (names.Length <= MaxScannedNames) return;
        _slots = new XNameMap<int>();
        for (var i = 0; i < names.Length; i++) _slots[names[i]] = i;
    }

    // Each child's place in _all, made on the first comparison of two of the children (document-order sorts).
    private Dictionary<XElement, int>? _positions;

    /// <summary>Every child element, in document order.</summary>
    public XElement[] All => _all;

    /// <summary>
    /// The child's place among the element's children: two children are put in document order by comparing these,
    /// where walking the sibling links from one to the other would take as many steps as lie between them.
    /// </summary>
    public int PositionOf(XElement child)
    {
        if (_positions is null)
        {
            // An index belongs to one thread (its cache is the thread's), so it is filled without a lock.
            var positions = new Dictionary<XElement, int>(_all.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _all.Length; i++) positions[_all[i]] = i;
            _positions = positions;
        }

        return _positions.TryGetValue(child, out var position) ? position : -1;
    }

    /// <summary>The child elements grouped by name: <see cref="Range"/> says where a name's are.</summary>
    public XElement[] Grouped => _grouped;

    /// <summary>Where the children named <paramref name="name"/> lie in <see cref="Grouped"/>: from start up to end (equal when there are none).</summary>
    public (int Start, int End) Range(XName name)
    {
        var slot = -1;
        if (_slots is not null)
        {
            if (!_slots.TryGetValue(name, out slot)) slot = -1;
        }
        else
        {
            var names = _names;
            for (var i = 0; i < names.Length; i++)
            {
                if (!ReferenceEquals(names[i], name)) continue;
                slot = i;
                break;
            }
        }

        return slot < 0 ? (0, 0) : (_starts[slot], _starts[slot + 1]);
    }

    /// <summary>The first child named <paramref name="name"/> of <paramref name="parent"/>, as an index or a walk finds it.</summary>
    public static XElement? First(XContainer parent, XName name)
    {
        if (Current(parent) is not { } index) return parent.Element(name);
        var (start, end) = index.Range(name);
        return start < end ? index._grouped[start] : null;
    }

    /// <summary>The index of <paramref name="parent"/>, or null when it has no current one (a narrow element, or one changed since).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChildIndex? Current(XContainer parent)
    {
        // Null rather than an out parameter: a miss, the common answer, then stores nothing (an out store costs a write barrier).
        if (t_cache is { } cache)
        {
            var parents = cache.Parents;
            // Slots fill from the first and are emptied together (Forget), so the first empty one ends the search.
            for (var slot = 0; slot < parents.Length && parents[slot] is not null; slot++)
            {
                if (!ReferenceEquals(parents[slot], parent)) continue;
                var index = cache.Indexes[slot]!;
                if (!ReferenceEquals(index._first, parent.FirstNode) || !ReferenceEquals(index._last, parent.LastNode)) break;
                return index;
            }
        }

        return null;
    }

    /// <summary>
    /// Drops this thread's indexes, and with them the trees they reach: when a thread turns to another document (the
    /// previous document's indexes would only lengthen every search), and after a workspace rule, whose facts tree is
    /// garbage once the rule has run and would be kept alive by an index of its root.
    /// </summary>
    public static void Forget()
    {
        GrandChildIndex.Forget();
        if (t_cache is not { } cache) return;
        Array.Clear(cache.Parents);
        Array.Clear(cache.Indexes);
        cache.Next = 0;
    }

    /// <summary>Indexes <paramref name="parent"/>'s children (replacing an out-of-date index) for the next look-up.</summary>
    public static void Build(XContainer parent)
    {
        // Two passes: count each name's children, then fill arrays of exactly the size, so the index allocates its names,
        // where each group starts, the children twice (grouped and in order) and a map past 16 names, and nothing else;
        // the per-name counts live in a thread's scratch.
        var scratch = t_scratch ??= new Scratch();
        var total = 0;
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (ElementTest.AsElement(node) is not { } element) continue;
            scratch.Add(element.Name, total++);
        }

        var distinct = scratch.Distinct;
        var names = new XName[distinct];
        var starts = new int[distinct + 1];
        for (var slot = 0; slot < distinct; slot++)
        {
            names[slot] = scratch.Names[slot]!;
            starts[slot + 1] = starts[slot] + scratch.Counts[slot];
        }

        // The counts become each group's next free place.
        for (var slot = 0; slot < distinct; slot++) scratch.Counts[slot] = starts[slot];
        var grouped = new XElement[total];
        var all = new XElement[total];
        var position = 0;
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (ElementTest.AsElement(node) is not { } element) continue;
            grouped[scratch.Counts[scratch.ChildSlots[position]]++] = element;
            all[position++] = element;
        }

        // Drops the references to the document's names and elements; a scratch grown by an unusual element is not kept.
        if (distinct > Scratch.MaxRetainedNames || total > Scratch.MaxRetainedChildren) t_scratch = null;
        else scratch.Clear(distinct);
        var cache = t_cache ??= new Cache();
        var entry = Array.IndexOf(cache.Parents, parent);
        if (entry < 0)
        {
            entry = cache.Next;
            cache.Next = (cache.Next + 1) % CacheSize;
        }

        cache.Parents[entry] = parent;
        cache.Indexes[entry] = new ChildIndex(parent.FirstNode, parent.LastNode, names, starts, grouped, all);
    }

    /// <summary>A thread's indexes, by the element each indexes.</summary>
    private sealed class Cache
    {
        public readonly XContainer?[] Parents = new XContainer?[CacheSize];
        public readonly ChildIndex?[] Indexes = new ChildIndex?[CacheSize];
        public int Next;
    }

    /// <summary>The distinct child names of the element being indexed, in order, with their counts: reused by a thread.</summary>
    private sealed class Scratch
    {
        public const int MaxRetainedNames = 256;
        public const int MaxRetainedChildren = 4096;

        // Names are found by comparison while there are few, then through the dictionary, filled from then on.
        private readonly Dictionary<XName, int> _slots = [];
        public XName?[] Names = new XName?[16];
        public int[] Counts = new int[16];
        public int Distinct;

        // Each child's slot, by its position among the children, for the second pass.
        public int[] ChildSlots = new int[64];

        public void Add(XName name, int child)
        {
            // Children of one name often come together (disks, then interfaces): the previous child's slot first.
            var slot = child > 0 && ReferenceEquals(Names[ChildSlots[child - 1]], name) ? ChildSlots[child - 1] : SlotOf(name);
            if (slot < 0)
            {
                slot = Distinct++;
                if (slot == Names.Length)
                {
                    Array.Resize(ref Names, slot * 2);
                    Array.Resize(ref Counts, slot * 2);
                }

                Names[slot] = name;
                if (Distinct > MaxScannedNames)
                {
                    if (_slots.Count == 0)
                        for (var i = 0; i < Distinct; i++) _slots[Names[i]!] = i;
                    else _slots[name] = slot;
                }
            }

            Counts[slot]++;
            if (child == ChildSlots.Length) Array.Resize(ref ChildSlots, child * 2);
            ChildSlots[child] = slot;
        }

        /// <summary>The slot of a name counted for this element, or -1.</summary>
        private int SlotOf(XName name)
        {
            if (Distinct > MaxScannedNames) return _slots.TryGetValue(name, out var found) ? found : -1;
            for (var i = 0; i < Distinct; i++)
                if (ReferenceEquals(Names[i], name)) return i;
            return -1;
        }

        public void Clear(int distinct)
        {
            _slots.Clear();
            Array.Clear(Names, 0, distinct);
            Array.Clear(Counts, 0, distinct);
            Distinct = 0;
        }
    }
}
