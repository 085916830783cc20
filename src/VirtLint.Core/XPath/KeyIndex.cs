using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// The first node of a node-set for each key (and group), built once per document on first use, so a rule finds
/// duplicates and looks up nodes by key in constant time per context node instead of scanning its siblings.
/// Nodes whose key is the empty string have no key and are never found.
/// </summary>
public sealed class KeyIndex
{
    private readonly Func<XObject, IEnumerable<XObject>> _nodes;
    private readonly Func<XObject, string> _key;
    private readonly Func<XObject, XObject?>? _group;
    private Dictionary<(XObject? Group, string Key), XObject>? _first;
    private Dictionary<string, List<XObject>>? _all;
    private Dictionary<string, (XObject First, XObject? OtherGroup)>? _firstTwoGroups;

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
        var key = _key(node);
        if (key.Length == 0) return [];
        var first = Find(node, _group?.Invoke(node), key);
        return first is null || ReferenceEquals(first, node) ? [] : [first];
    }

    /// <summary>The first indexed node whose key is <paramref name="key"/>; <paramref name="node"/> is any node of the document.</summary>
    public IEnumerable<XObject> FirstWithKey(XObject node, string key) => key.Length > 0 && Find(node, null, key) is { } first ? [first] : [];

    /// <summary>
    /// The first indexed node with <paramref name="node"/>'s key whose group is not <paramref name="node"/>'s: constant
    /// time from the first two groups that have each key.
    /// </summary>
    public IEnumerable<XObject> FirstWithSameElsewhere(XObject node)
    {
        var key = _key(node);
        if (key.Length == 0) return [];
        if (_firstTwoGroups is null)
        {
            var firstTwo = new Dictionary<string, (XObject, XObject?)>(StringComparer.Ordinal);
            foreach (var indexed in _nodes(node))
            {
                var k = _key(indexed);
                if (k.Length == 0) continue;
                if (!firstTwo.TryGetValue(k, out var entry)) firstTwo[k] = (indexed, null);
                else if (entry.Item2 is null && !ReferenceEquals(_group?.Invoke(indexed), _group?.Invoke(entry.Item1))) firstTwo[k] = (entry.Item1, indexed);
            }

            _firstTwoGroups = firstTwo;
        }

        if (!_firstTwoGroups.TryGetValue(key, out var found)) return [];
        var group = _group?.Invoke(node);
        var other = !ReferenceEquals(_group?.Invoke(found.First), group) ? found.First : found.OtherGroup;
        return other is null ? [] : [other];
    }

    /// <summary>Every indexed node whose key is <paramref name="key"/>, in document order; <paramref name="node"/> is any node of the document.</summary>
    public IEnumerable<XObject> AllWithKey(XObject node, string key)
    {
        if (key.Length == 0) return [];
        if (_all is null)
        {
            var all = new Dictionary<string, List<XObject>>(StringComparer.Ordinal);
            foreach (var indexed in _nodes(node))
            {
                var k = _key(indexed);
                if (k.Length == 0) continue;
                if (!all.TryGetValue(k, out var list)) all[k] = list = [];
                list.Add(indexed);
            }

            _all = all;
        }

        return _all.TryGetValue(key, out var found) ? found : [];
    }

    private XObject? Find(XObject anyNode, XObject? group, string key)
    {
        if (_first is null)
        {
            var first = new Dictionary<(XObject?, string), XObject>();
            foreach (var node in _nodes(anyNode))
            {
                var k = _key(node);
                if (k.Length > 0) first.TryAdd((_group?.Invoke(node), k), node);
            }

            _first = first;
        }

        return _first.TryGetValue((group, key), out var found) ? found : null;
    }
}
