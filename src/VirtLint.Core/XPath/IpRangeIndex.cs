using System.Net.Sockets;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// The first IP range (in node-set order) that contains an address, over a node-set of ranges (DHCP <c>&lt;range&gt;</c>)
/// indexed once per document on first use. Each group and address family is cut at the ranges' ends into points and
/// the gaps between them; painting the ranges in order, each piece once, gives every piece its first range, so a
/// look-up is a binary search instead of a scan of every range.
/// </summary>
public sealed class IpRangeIndex
{
    private readonly Func<XObject, IEnumerable<XObject>> _nodes;
    private readonly Func<XObject, string> _start;
    private readonly Func<XObject, string> _end;
    private readonly Func<XObject, XObject?>? _group;
    private Dictionary<(XObject? Group, AddressFamily Family), Pieces>? _pieces;

    public IpRangeIndex(Func<XObject, IEnumerable<XObject>> nodes, Func<XObject, string> start, Func<XObject, string> end, Func<XObject, XObject?>? group = null)
    {
        _nodes = nodes;
        _start = start;
        _end = end;
        _group = group;
    }

    /// <summary>The first range of <paramref name="node"/>'s group whose start and end (of one family) enclose <paramref name="address"/>.</summary>
    public IEnumerable<XObject> FirstContaining(XObject node, string address)
    {
        _pieces ??= Build(node);
        if (!TryValue(address, out var family, out var value)) return [];
        return _pieces.TryGetValue((_group?.Invoke(node), family), out var pieces) && pieces.Find(value) is { } range ? [range] : [];
    }

    private Dictionary<(XObject?, AddressFamily), Pieces> Build(XObject anyNode)
    {
        var ranges = new Dictionary<(XObject?, AddressFamily), List<(UInt128 First, UInt128 Last, XObject Node)>>();
        foreach (var node in _nodes(anyNode))
        {
            // Like ip-compare: both ends valid, of one family, in order; anything else contains no address.
            if (!TryValue(_start(node), out var family, out var first) || !TryValue(_end(node), out var endFamily, out var last)
                || family != endFamily || last < first)
                continue;
            var key = (_group?.Invoke(node), family);
            if (!ranges.TryGetValue(key, out var list)) ranges[key] = list = [];
            list.Add((first, last, node));
        }

        return ranges.ToDictionary(r => r.Key, r => new Pieces(r.Value));
    }

    internal static bool TryValue(string text, out AddressFamily family, out UInt128 value)
    {
        value = 0;
        family = AddressFamily.Unspecified;
        if (!IpNetworks.TryParse(text, out var address)) return false;
        family = address.AddressFamily;
        foreach (var b in address.GetAddressBytes()) value = (value << 8) | b;
        return true;
    }

    /// <summary>
    /// Points (the distinct range ends, sorted) and the gaps between neighbours, numbered point 0, gap 0, point 1, …;
    /// each piece holds the first range covering it.
    /// </summary>
    private sealed class Pieces
    {
        private readonly UInt128[] _points;
        private readonly XObject?[] _owner;

        public Pieces(List<(UInt128 First, UInt128 Last, XObject Node)> ranges)
        {
            _points = ranges.SelectMany(r => new[] { r.First, r.Last }).Distinct().Order().ToArray();
            _owner = new XObject?[2 * _points.Length - 1];
            var nextUnpainted = new int[_owner.Length + 1];
            for (var i = 0; i < nextUnpainted.Length; i++) nextUnpainted[i] = i;
            foreach (var (first, last, node) in ranges)
            {
                var end = 2 * Array.BinarySearch(_points, last);
                for (var piece = Next(nextUnpainted, 2 * Array.BinarySearch(_points, first)); piece <= end; piece = Next(nextUnpainted, piece))
                {
                    _owner[piece] = node;
                    nextUnpainted[piece] = piece + 1;
                }
            }
        }

        public XObject? Find(UInt128 value)
        {
            var i = Array.BinarySearch(_points, value);
            if (i >= 0) return _owner[2 * i];
            var above = ~i;
            return above == 0 || above == _points.Length ? null : _owner[2 * above - 1];
        }

        private static int Next(int[] nextUnpainted, int piece)
        {
            var root = piece;
            while (nextUnpainted[root] != root) root = nextUnpainted[root];
            while (piece != root)
            {
                var next = nextUnpainted[piece];
                nextUnpainted[piece] = root;
                piece = next;
            }

            return root;
        }
    }
}
