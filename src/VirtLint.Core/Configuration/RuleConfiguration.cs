namespace VirtLint.Core.Configuration;

/// <summary>
/// How one rule runs for one file: whether it runs, the severity its findings get, and its parameters.
/// <see cref="Severity"/> is kept while the rule is off, so that <c>--select</c> can turn a rule back on at the
/// severity the configuration last gave it.
/// </summary>
public readonly record struct RuleConfiguration(bool Enabled, Severity Severity, RuleParameters Parameters);

/// <summary>Applies presets and <c>rules:</c> entries to a per-rule table, in the documented precedence order.</summary>
internal static class RuleTable
{
    /// <summary>Every rule off at its default severity: the start of a config with <c>extends</c>.</summary>
    public static RuleConfiguration[] AllOff(RuleLookup lookup)
    {
        var table = new RuleConfiguration[lookup.Rules.Count];
        for (var i = 0; i < table.Length; i++) table[i] = new RuleConfiguration(false, lookup.Rules[i].DefaultSeverity, RuleParameters.Defaults);
        return table;
    }

    /// <summary>Turns on what the preset turns on, at the preset's severity; says nothing about other rules.</summary>
    public static void ApplyPreset(RuleConfiguration[] table, Severity?[] preset)
    {
        for (var i = 0; i < table.Length; i++)
            if (preset[i] is { } severity) table[i] = table[i] with { Enabled = true, Severity = severity };
    }

    /// <summary>Category entries, then tag entries, then single-rule entries, each group in file order.</summary>
    public static void Apply(RuleConfiguration[] table, IReadOnlyList<RuleSetting> settings, RuleLookup lookup)
    {
        foreach (var kind in (ReadOnlySpan<SelectorKind>)[SelectorKind.Category, SelectorKind.Tag, SelectorKind.Rule])
        {
            foreach (var setting in settings)
            {
                if (setting.Selector.Kind != kind) continue;
                foreach (var index in setting.Selector.Indices(lookup))
                    table[index] = Apply(table[index], setting.Level, setting.Parameters);
            }
        }
    }

    public static RuleConfiguration Apply(RuleConfiguration current, RuleLevel? level, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        if (level == RuleLevel.Off) current = current with { Enabled = false };
        else if (level is { } on) current = current with { Enabled = true, Severity = on.ToSeverity() };
        return parameters.Count == 0 ? current : current with { Parameters = current.Parameters.With(parameters) };
    }
}
