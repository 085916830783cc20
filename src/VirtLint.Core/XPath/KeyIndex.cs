using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// The first node of a node-set for each key (and group), built once per document on first use, so a rule finds
/// duplicates and looks up nodes by key in constant time per context node instead of scanning its siblings.
/// Nodes whose key is the empty string have no key and are never found.
/// </summary>
/// <remarks>
/// The indexed nodes are kept in order with their keys and groups. A duplicate rule's context nodes are usually the
/// indexed nodes themselves, met in the same order: the key of such a context node is read back from where the walk of
/// the index last stopped instead of being computed a second time (a formatted PCI address, a concatenation).
/// </remarks>
public sealed class KeyIndex
{
    // How far past the last context node met among the indexed nodes the next one is looked for: a context that skips
    // a few indexed nodes (a filter the index does not have) still finds its keys.
    private const int Lookahead = 8;

    // Up to this many indexed nodes, the first with a key is found by comparing keys in order.
    private const int MaxScanned = 16;

    private readonly Func<XObject, IEnumerable<XObject>> _nodes;
    private readonly Func<XObject, string> _key;
    private readonly Func<XObject, XObject?>? _group;

    private XObject[]? _indexed;
    private string[] _keys = [];
    private XObject?[] _groups = [];
    private int _cursor;

    private Dictionary<string, XObject>? _firstByKey;
    private Dictionary<(XObject? Group, string Key), XObject>? _firstByGroupAndKey;
    private Dictionary<string, List<XObject>>? _all;
    private Dictionary<string, (int First, int Other)>? _firstTwoGroups;

    /// <param name="nodes">The indexed node-set, evaluated once from any node of the document.</param>
    /// <param name="key">The key of a node.</param>
    /// <param name="group">The node that scopes a key (duplicates count only within one group), or null for one group.</param>
    public KeyIndex(Func<XObject, IEnumerable<XObject>> nodes, Func<XObject, string> key, Func<XObject, XObject?>? group = null)
    {
        _nodes = nodes;
        _key = key;
        _group = group;
    }

    /// <summary>
    /// The first indexed node with <paramref name="node"/>'s key in its group, unless that is <paramref name="node"/>
    /// itself: for an indexed node, the first earlier node with its key.
    /// </summary>
    public IEnumerable<XObject> FirstWithSame(XObject node)
    {
        var (key, group) = KeyAndGroupOf(node);
        if (key.Length == 0) return [];
        var first = FirstOf(group, key);
        return first is null || ReferenceEquals(first, node) ? [] : [first];
    }

    /// <summary>The first indexed node whose key is <paramref name="key"/>; <paramref name="node"/> is any node of the document.</summary>
    public IEnumerable<XObject> FirstWithKey(XObject node, string key)
    {
        if (key.Length == 0) return [];
        Index(node);
        return FirstOf(null, key) is { } first ? [first] : [];
    }

    /// <summary>
    /// The first indexed node with <paramref name="node"/>'s key whose group is not <paramref name="node"/>'s: constant
    /// time from the first two groups that have each key.
    /// </summary>
    public IEnumerable<XObject> FirstWithSameElsewhere(XObject node)
    {
        var (key, group) = KeyAndGroupOf(node);
        if (key.Length == 0) return [];
        if (_firstTwoGroups is null)
        {
            // By position among the indexed nodes, whose groups are known: the first with each key, and the first after
            // it in another group (-1 for none).
            var firstTwo = new Dictionary<string, (int First, int Other)>(StringComparer.Ordinal);
            for (var i = 0; i < _indexed!.Length; i++)
            {
                var k = _keys[i];
                if (k.Length == 0) continue;
                if (!firstTwo.TryGetValue(k, out var entry)) firstTwo[k] = (i, -1);
                else if (entry.Other < 0 && !ReferenceEquals(GroupAt(i), GroupAt(entry.First))) firstTwo[k] = (entry.First, i);
            }

            _firstTwoGroups = firstTwo;
        }

        if (!_firstTwoGroups.TryGetValue(key, out var found)) return [];
        var other = !ReferenceEquals(GroupAt(found.First), group) ? found.First : found.Other;
        return other < 0 ? [] : [_indexed![other]];
    }

    /// <summary>Every indexed node whose key is <paramref name="key"/>, in document order; <paramref name="node"/> is any node of the document.</summary>
    public IEnumerable<XObject> AllWithKey(XObject node, string key)
    {
        if (key.Length == 0) return [];
        Index(node);
        if (_all is null)
        {
            var all = new Dictionary<string, List<XObject>>(StringComparer.Ordinal);
            for (var i = 0; i < _indexed!.Length; i++)
            {
                var k = _keys[i];
                if (k.Length == 0) continue;
                if (!all.TryGetValue(k, out var list)) all[k] = list = [];
                list.Add(_indexed[i]);
            }

            _all = all;
        }

        return _all.TryGetValue(key, out var found) ? found : [];
    }

    /// <summary>The indexed nodes with their keys and groups, worked out on first use from any node of the document.</summary>
    private void Index(XObject anyNode)
    {
        if (_indexed is not null) return;
        var nodes = _nodes(anyNode);
        var indexed = nodes as XObject[] ?? nodes.ToArray();
        var keys = new string[indexed.Length];
        var groups = _group is null ? [] : new XObject?[indexed.Length];
        for (var i = 0; i < indexed.Length; i++)
        {
            keys[i] = _key(indexed[i]);
            if (_group is not null) groups[i] = _group(indexed[i]);
        }

        (_indexed, _keys, _groups) = (indexed, keys, groups);
    }

    /// <summary>A node's key and group: read back when it is the next indexed node (or a few past it), else computed.</summary>
    private (string Key, XObject? Group) KeyAndGroupOf(XObject node)
    {
        Index(node);
        var end = Math.Min(_indexed!.Length, _cursor + Lookahead);
        for (var i = _cursor; i < end; i++)
        {
            if (!ReferenceEquals(_indexed[i], node)) continue;
            _cursor = i + 1;
            return (_keys[i], _group is null ? null : _groups[i]);
        }

        return (_key(node), _group?.Invoke(node));
    }

    private XObject? GroupAt(int position) => _group is null ? null : _groups[position];

    private XObject? FirstOf(XObject? group, string key)
    {
        // A document has a few of each device: comparing a few keys costs less than building and hashing into a
        // dictionary, which only a long list repays (and which keeps a long list linear).
        if (_indexed!.Length <= MaxScanned)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal) && (_group is null || ReferenceEquals(_groups[i], group)))
                    return _indexed[i];
            }

            return null;
        }

        if (_group is null)
        {
            // One group: keyed by the string alone, which hashes faster than a pair.
            if (_firstByKey is null)
            {
                var first = new Dictionary<string, XObject>(_indexed.Length, StringComparer.Ordinal);
                for (var i = 0; i < _indexed.Length; i++)
                    if (_keys[i].Length > 0) first.TryAdd(_keys[i], _indexed[i]);
                _firstByKey = first;
            }

            return _firstByKey.TryGetValue(key, out var found) ? found : null;
        }

        if (_firstByGroupAndKey is null)
        {
            var first = new Dictionary<(XObject?, string), XObject>(_indexed.Length);
            for (var i = 0; i < _indexed.Length; i++)
                if (_keys[i].Length > 0) first.TryAdd((_groups[i], _keys[i]), _indexed[i]);
            _firstByGroupAndKey = first;
        }

        return _firstByGroupAndKey.TryGetValue((group, key), out var inGroup) ? inGroup : null;
    }
}
