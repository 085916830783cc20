using System.Runtime.CompilerServices;

namespace VirtLint.RuleRuntime;

/// <summary>
/// A map keyed by object identity, filled while a rule loads and only read after that (by checks on parallel threads):
/// a plan's nodes resolved once to what evaluating them needs (an atomised name, a helper, a slot). A look-up hashes
/// the reference and probes once or twice, with no comparer calls and no string hashing, which a
/// <see cref="Dictionary{TKey, TValue}"/> lookup of a name made on every step of every path.
/// </summary>
internal sealed class IdentityMap<TKey, TValue>
    where TKey : class
{
    private TKey?[] _keys = new TKey?[16];
    private TValue[] _values = new TValue[16];
    private int _count;

    public int Count => _count;

    /// <summary>Adds <paramref name="key"/> unless it is already there; false when it was.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        if (TryGetValue(key, out _)) return false;
        // At most half full: a miss ends at an empty slot after a probe or two.
        if ((_count + 1) * 2 > _keys.Length) Grow();
        Insert(_keys, _values, key, value);
        _count++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(TKey key, out TValue value)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        for (var i = RuntimeHelpers.GetHashCode(key) & mask; ; i = (i + 1) & mask)
        {
            var k = keys[i];
            if (ReferenceEquals(k, key))
            {
                value = _values[i];
                return true;
            }

            if (k is null)
            {
                value = default!;
                return false;
            }
        }
    }

    private void Grow()
    {
        var keys = new TKey?[_keys.Length * 2];
        var values = new TValue[keys.Length];
        for (var i = 0; i < _keys.Length; i++)
            if (_keys[i] is { } key) Insert(keys, values, key, _values[i]);
        (_keys, _values) = (keys, values);
    }

    private static void Insert(TKey?[] keys, TValue[] values, TKey key, TValue value)
    {
        var mask = keys.Length - 1;
        var i = RuntimeHelpers.GetHashCode(key) & mask;
        while (keys[i] is not null) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
    }
}
