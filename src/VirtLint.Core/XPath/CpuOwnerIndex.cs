using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// Which node first names each CPU, over a node-set of cpusets (NUMA cells, vCPU pins), built once per document on first
/// use. Finding the first earlier node that shares a CPU then costs time in the number of ranges written, however wide
/// they are: CPUs are claimed once each (skipping claimed ones), and the smallest owner over a range is a tree lookup.
/// </summary>
public sealed class CpuOwnerIndex
{
    private const int None = int.MaxValue;

    private readonly Func<XObject, IEnumerable<XObject>> _nodes;
    private readonly Func<XObject, string> _cpuset;
    private List<XObject>? _byPosition;
    private Dictionary<XObject, int>? _firstEarlier;
    private MinTree? _owners;

    public CpuOwnerIndex(Func<XObject, IEnumerable<XObject>> nodes, Func<XObject, string> cpuset)
    {
        _nodes = nodes;
        _cpuset = cpuset;
    }

    /// <summary>
    /// The first node whose cpuset shares a CPU with <paramref name="node"/>'s: among the nodes before it when it is one
    /// of the indexed nodes, else among all of them. Empty when there is none or the cpuset is invalid.
    /// </summary>
    public IEnumerable<XObject> FirstOverlapping(XObject node)
    {
        Build(node);
        if (_firstEarlier!.TryGetValue(node, out var position))
            return position == None ? [] : [_byPosition![position]];
        if (!CpuSet.TryParse(_cpuset(node), out var set)) return [];
        var first = _owners!.Min(set);
        return first == None ? [] : [_byPosition![first]];
    }

    private void Build(XObject anyNode)
    {
        if (_firstEarlier is not null) return;
        var byPosition = new List<XObject>();
        var sets = new List<CpuSet>();
        var firstEarlier = new Dictionary<XObject, int>();
        var highest = 0;
        foreach (var node in _nodes(anyNode))
        {
            if (firstEarlier.ContainsKey(node)) continue;
            if (!CpuSet.TryParse(_cpuset(node), out var set))
            {
                firstEarlier[node] = None;
                continue;
            }

            firstEarlier[node] = byPosition.Count;
            byPosition.Add(node);
            sets.Add(set);
            foreach (var (_, last) in set.Ranges) highest = Math.Max(highest, last);
        }

        // The tree covers the CPUs the indexed sets name, not every possible CPU: most guests name a handful.
        var owners = new MinTree(highest + 1);
        for (var position = 0; position < sets.Count; position++)
        {
            firstEarlier[byPosition[position]] = owners.Min(sets[position]);
            owners.Claim(sets[position], position);
        }

        (_byPosition, _owners, _firstEarlier) = (byPosition, owners, firstEarlier);
    }

    /// <summary>The owner of each CPU (the first position to claim it) in a segment tree, with a skip list of unclaimed CPUs.</summary>
    private sealed class MinTree
    {
        private readonly int _size;
        private readonly int[] _tree;
        private readonly int[] _nextUnclaimed;

        /// <param name="cpus">How many CPUs (from 0) can be claimed; CPUs above have no owner.</param>
        public MinTree(int cpus)
        {
            _size = 1;
            while (_size < cpus) _size *= 2;
            _tree = new int[2 * _size];
            _nextUnclaimed = new int[_size + 1];
            Array.Fill(_tree, None);
            for (var i = 0; i < _nextUnclaimed.Length; i++) _nextUnclaimed[i] = i;
        }

        public int Min(CpuSet set)
        {
            var min = None;
            foreach (var (first, last) in set.Ranges) min = Math.Min(min, Min(first, last));
            return min;
        }

        public void Claim(CpuSet set, int position)
        {
            foreach (var (first, last) in set.Ranges)
            {
                for (var cpu = NextUnclaimed(first); cpu <= last; cpu = NextUnclaimed(cpu))
                {
                    Set(cpu, position);
                    _nextUnclaimed[cpu] = cpu + 1;
                }
            }
        }

        private int NextUnclaimed(int cpu)
        {
            var root = cpu;
            while (_nextUnclaimed[root] != root) root = _nextUnclaimed[root];
            while (cpu != root)
            {
                var next = _nextUnclaimed[cpu];
                _nextUnclaimed[cpu] = root;
                cpu = next;
            }

            return root;
        }

        private void Set(int cpu, int position)
        {
            var i = cpu + _size;
            _tree[i] = position;
            for (i /= 2; i >= 1; i /= 2) _tree[i] = Math.Min(_tree[2 * i], _tree[2 * i + 1]);
        }

        private int Min(int first, int last)
        {
            var min = None;
            last = Math.Min(last, _size - 1);
            for (int l = first + _size, r = last + _size + 1; l < r; l /= 2, r /= 2)
            {
                if ((l & 1) == 1) min = Math.Min(min, _tree[l++]);
                if ((r & 1) == 1) min = Math.Min(min, _tree[--r]);
            }

            return min;
        }
    }
}
