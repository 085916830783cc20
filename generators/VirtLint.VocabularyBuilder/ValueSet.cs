namespace VirtLint.VocabularyBuilder;

/// <summary>
/// The values an attribute or an element's text may take: a closed set (RelaxNG <c>&lt;value&gt;</c>s, compared as
/// tokens, i.e. with whitespace collapsed) or open (text, a datatype, a list). Immutable.
/// </summary>
public sealed class ValueSet : IEquatable<ValueSet>
{
    public static readonly ValueSet Open = new(null);

    private ValueSet(SortedSet<string>? values) => Values = values;

    /// <summary>The allowed values, sorted ordinally; null when any value is allowed.</summary>
    public SortedSet<string>? Values { get; }

    public bool IsOpen => Values is null;

    public static ValueSet Of(IEnumerable<string> values) => new(new SortedSet<string>(values, StringComparer.Ordinal));

    /// <summary>The union; null stands for "no pattern" (notAllowed) and is neutral.</summary>
    public static ValueSet? Union(ValueSet? a, ValueSet? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        if (a.IsOpen || b.IsOpen) return Open;
        return Of(a.Values!.Concat(b.Values!));
    }

    /// <summary>RelaxNG's token datatype: leading and trailing whitespace removed, inner runs collapsed to one space.</summary>
    public static string NormalizeToken(string value) =>
        string.Join(' ', value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    public bool Equals(ValueSet? other) =>
        other is not null && (IsOpen ? other.IsOpen : !other.IsOpen && Values!.SetEquals(other.Values!));

    public override bool Equals(object? obj) => Equals(obj as ValueSet);

    public override int GetHashCode() => IsOpen ? 0 : string.Join(" ", Values!).GetHashCode(StringComparison.Ordinal);

    public override string ToString() => IsOpen ? "*" : string.Join(" ", Values!);
}
