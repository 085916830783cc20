using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// A map from atomised names to values, filled once and then only read (by any number of threads): the names a
/// schema context allows, the names checks require, an element's children by name. Every element and attribute of
/// every document is looked up in one, so a look-up is an open-addressed probe by the name's own hash and a reference
/// comparison, where a <see cref="Dictionary{TKey, TValue}"/> over a reference-type key calls its comparer through
/// shared generic code.
/// </summary>
/// <remarks>
/// Names are atomised (one <see cref="XName"/> per namespace and local name), so reference equality is name equality.
/// The table is kept at most half full; a name's hash is its string's randomised hash, so a probe sequence stays short
/// whatever names a document uses.
/// </remarks>
public sealed class XNameMap<TValue>
{
    private XName?[] _keys = new XName?[4];
    private TValue[] _values = new TValue[4];

    public int Count { get; private set; }

    /// <summary>Sets the value of <paramref name="name"/>. Not for use once the map is shared.</summary>
    public TValue this[XName name]
    {
        set
        {
            if (2 * (Count + 1) > _keys.Length) Grow();
            var slot = SlotOf(name);
            if (_keys[slot] is null) Count++;
            _keys[slot] = name;
            _values[slot] = value;
        }
    }

    public bool TryGetValue(XName name, out TValue value)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        for (var slot = name.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var key = keys[slot];
            if (ReferenceEquals(key, name))
            {
                value = _values[slot];
                return true;
            }

            if (key is null)
            {
                value = default!;
                return false;
            }
        }
    }

    /// <summary>The slot that holds <paramref name="name"/>, or the empty one where it goes.</summary>
    private int SlotOf(XName name)
    {
        var mask = _keys.Length - 1;
        var slot = name.GetHashCode() & mask;
        while (_keys[slot] is { } key && !ReferenceEquals(key, name)) slot = (slot + 1) & mask;
        return slot;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new XName?[keys.Length * 2];
        _values = new TValue[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not { } key) continue;
            var slot = SlotOf(key);
            _keys[slot] = key;
            _values[slot] = values[i];
        }
    }
}
