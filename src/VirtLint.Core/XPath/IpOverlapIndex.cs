using System.Net.Sockets;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// For each node of a node-set with an IP range (start and end of one family, start not above end), the first node in
/// document order whose range overlaps it, other than itself. Built once per document in O(n log n): ranges sorted by
/// start; the earliest overlapping node among those starting inside a range comes from a sparse table of document
/// positions, and among those starting before it from a sweep that keeps the ranges still open.
/// </summary>
public sealed class IpOverlapIndex
{
    private readonly Func<XObject, IEnumerable<XObject>> _nodes;
    private readonly Func<XObject, string> _start;
    private readonly Func<XObject, string> _end;
    private readonly Func<XObject, string>? _group;
    private Dictionary<XObject, XObject>? _first;

    /// <param name="group">A node's group: only ranges of one group overlap each other; null for one group.</param>
    public IpOverlapIndex(Func<XObject, IEnumerable<XObject>> nodes, Func<XObject, string> start, Func<XObject, string> end, Func<XObject, string>? group = null)
    {
        _group = group;
        _nodes = nodes;
        _start = start;
        _end = end;
    }

    /// <summary>For a node of the node-set, the first other node whose range overlaps its own, if that one comes earlier; else nothing.</summary>
    public IEnumerable<XObject> FirstOverlapping(XObject node)
    {
        _first ??= Build(node);
        return _first.TryGetValue(node, out var first) ? [first] : [];
    }

    private Dictionary<XObject, XObject> Build(XObject anyNode)
    {
        var byFamily = new Dictionary<(string, AddressFamily), List<Range>>();
        var position = 0;
        foreach (var node in _nodes(anyNode))
        {
            position++;
            if (!IpRangeIndex.TryValue(_start(node), out var family, out var first) || !IpRangeIndex.TryValue(_end(node), out var endFamily, out var last)
                || family != endFamily || last < first)
                continue;
            var key = (_group?.Invoke(node) ?? "", family);
            if (!byFamily.TryGetValue(key, out var list)) byFamily[key] = list = [];
            list.Add(new Range(first, last, position, node));
        }

        var result = new Dictionary<XObject, XObject>();
        foreach (var ranges in byFamily.Values) Resolve(ranges, result);
        return result;
    }

    private static void Resolve(List<Range> ranges, Dictionary<XObject, XObject> result)
    {
        ranges.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.Position.CompareTo(b.Position));
        var n = ranges.Count;
        var table = new SparseMin(ranges.Select(r => r.Position).ToArray());
        var byPosition = ranges.ToDictionary(r => r.Position);

        // Ranges started earlier in start order and not yet ended, by end (to expire) and by document position (to answer).
        var open = new SortedSet<int>();
        var ends = new PriorityQueue<Range, UInt128>();
        for (var i = 0; i < n; i++)
        {
            var range = ranges[i];
            while (ends.TryPeek(out var ending, out var end) && end < range.First)
            {
                ends.Dequeue();
                open.Remove(ending.Position);
            }

            var best = open.Count > 0 ? open.Min : int.MaxValue;
            // Ranges sorted after this one that start inside it.
            var hi = LastStartingAtOrBefore(ranges, range.Last);
            if (hi > i) best = Math.Min(best, table.Min(i + 1, hi));
            if (best < range.Position) result[range.Node] = byPosition[best].Node;
            open.Add(range.Position);
            ends.Enqueue(range, range.Last);
        }
    }

    private static int LastStartingAtOrBefore(List<Range> ranges, UInt128 value)
    {
        int lo = 0, hi = ranges.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (ranges[mid].First <= value) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }

        return found;
    }

    private readonly record struct Range(UInt128 First, UInt128 Last, int Position, XObject Node);

    /// <summary>Minimum over any slice in constant time, after O(n log n) preparation.</summary>
    private sealed class SparseMin
    {
        private readonly int[][] _levels;

        public SparseMin(int[] values)
        {
            var levels = new List<int[]> { values };
            for (var width = 2; width <= values.Length; width *= 2)
            {
                var previous = levels[^1];
                var half = width / 2;
                var level = new int[values.Length - width + 1];
                for (var i = 0; i < level.Length; i++) level[i] = Math.Min(previous[i], previous[i + half]);
                levels.Add(level);
            }

            _levels = [.. levels];
        }

        /// <summary>The minimum of values[from..to], both inclusive.</summary>
        public int Min(int from, int to)
        {
            var k = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(to - from + 1));
            return Math.Min(_levels[k][from], _levels[k][to - (1 << k) + 1]);
        }
    }
}
