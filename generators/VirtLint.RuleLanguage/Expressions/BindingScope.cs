using System.Collections.Generic;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>A variable visible to expressions: a parameter or an earlier <c>let</c>, with what is known of the elements it selects.</summary>
public sealed record VariableInfo(string Name, VariableKind Kind, ValueType Type, ElementTrail Trail);

/// <summary>What an expression may refer to: variables, the document kind (for the vocabulary check) and the context's element trail.</summary>
public sealed class BindingScope
{
    private readonly Dictionary<string, VariableInfo> _variables = new();

    public BindingScope(string kind, INameChecker? names)
    {
        Kind = kind;
        Names = names;
    }

    public string Kind { get; }
    public INameChecker? Names { get; }

    public void Declare(VariableInfo variable) => _variables[variable.Name] = variable;

    public bool TryLookup(string name, out VariableInfo variable) => _variables.TryGetValue(name, out variable!);

    public IEnumerable<string> VariableNames => _variables.Keys;
}

/// <summary>
/// The element names statically known along a path, innermost last; a null entry is an element whose name is not known
/// (after <c>*</c> or an ancestor axis). Used only to check names against the vocabulary.
/// </summary>
public sealed record ElementTrail(EquatableArray<string> Names, bool Known)
{
    public static ElementTrail Unknown { get; } = new(EquatableArray<string>.Empty, false);

    public static ElementTrail Of(params string[] names) => new(new EquatableArray<string>(names), true);

    /// <summary>The innermost element name, or null when not known.</summary>
    public string? Current => Known && Names.Count > 0 && Names[Names.Count - 1].Length > 0 ? Names[Names.Count - 1] : null;

    public ElementTrail Push(string? name)
    {
        var list = new List<string>(Names) { name ?? "" };
        return new ElementTrail(new EquatableArray<string>(list), Known || name is not null);
    }

    public ElementTrail Pop()
    {
        if (!Known || Names.Count <= 1) return Unknown;
        var list = new List<string>(Names);
        list.RemoveAt(list.Count - 1);
        return new ElementTrail(new EquatableArray<string>(list), true);
    }
}
