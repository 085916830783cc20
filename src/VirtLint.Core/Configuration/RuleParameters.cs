namespace VirtLint.Core.Configuration;

/// <summary>
/// The parameter values one rule runs with: the values a configuration or the command line set, each typed by the
/// rule's declaration; everything else falls back to the default the checker was compiled with.
/// </summary>
/// <remarks>
/// The engine hands one instance per rule (from <see cref="EffectiveConfig"/>) to the checker's context, whose
/// <c>GetString</c>/<c>GetNumber</c>/<c>GetBoolean</c>/<c>GetStringList</c> delegate here: a dictionary lookup and
/// no parsing per document. Immutable, so one instance is shared by every file with the same configuration.
/// </remarks>
public sealed class RuleParameters
{
    private readonly Dictionary<string, ParameterValue> _values;

    private RuleParameters(Dictionary<string, ParameterValue> values) => _values = values;

    /// <summary>No overrides: every parameter at the rule's default.</summary>
    public static RuleParameters Defaults { get; } = new(new Dictionary<string, ParameterValue>(StringComparer.Ordinal));

    /// <summary>Parameters that differ from the rule's defaults, by name.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Values => _values;

    public bool IsEmpty => _values.Count == 0;

    /// <summary>A copy with <paramref name="overrides"/> set on top of these values.</summary>
    public RuleParameters With(IReadOnlyDictionary<string, ParameterValue> overrides)
    {
        if (overrides.Count == 0) return this;
        var merged = new Dictionary<string, ParameterValue>(_values, StringComparer.Ordinal);
        foreach (var (name, value) in overrides) merged[name] = value;
        return new RuleParameters(merged);
    }

    public bool TryGet(string name, out ParameterValue value) => _values.TryGetValue(name, out value!);

    public string GetString(string name, string defaultValue) =>
        _values.TryGetValue(name, out var value) && value.Type == ParameterType.String ? value.Text! : defaultValue;

    public double GetNumber(string name, double defaultValue) =>
        _values.TryGetValue(name, out var value) && value.Type is ParameterType.Number or ParameterType.Integer ? value.Number : defaultValue;

    public bool GetBoolean(string name, bool defaultValue) =>
        _values.TryGetValue(name, out var value) && value.Type == ParameterType.Boolean ? value.Boolean : defaultValue;

    public IReadOnlyList<string> GetStringList(string name, IReadOnlyList<string> defaultValue) =>
        _values.TryGetValue(name, out var value) && value.Type == ParameterType.StringList ? value.List! : defaultValue;
}
