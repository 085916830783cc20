using System;
using System.Collections.Generic;

namespace VirtLint.RuleLanguage;

/// <summary>
/// The spellings of an enum's values in rule files, in the order they are listed to users: the parser maps text to a
/// value once, and everything after it reads the value. Explicit pairs, not reflection (the CLI is NativeAOT).
/// </summary>
public sealed class NameTable<T>
    where T : struct, Enum
{
    private readonly string[] _names;
    private readonly T[] _values;

    public NameTable(params (string Name, T Value)[] pairs)
    {
        _names = new string[pairs.Length];
        _values = new T[pairs.Length];
        for (var i = 0; i < pairs.Length; i++) (_names[i], _values[i]) = pairs[i];
    }

    /// <summary>Every spelling, in listing order (a copy).</summary>
    public string[] Names => (string[])_names.Clone();

    public bool TryParse(string? name, out T value)
    {
        var index = Array.IndexOf(_names, name);
        value = index < 0 ? default : _values[index];
        return index >= 0;
    }

    public string NameOf(T value)
    {
        for (var i = 0; i < _values.Length; i++)
            if (EqualityComparer<T>.Default.Equals(_values[i], value)) return _names[i];
        throw new ArgumentOutOfRangeException(nameof(value), value, "a value this table does not name");
    }
}
