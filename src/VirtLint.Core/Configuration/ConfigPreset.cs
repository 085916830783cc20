namespace VirtLint.Core.Configuration;

/// <summary>How a preset sets the severity of a rule it turns on.</summary>
public enum PresetLevel
{
    /// <summary>The rule's default severity.</summary>
    Default,

    /// <summary>The default, with notes raised to warnings (so the default <c>--fail-on warning</c> gate fails on them).</summary>
    AtLeastWarning,
}

/// <summary>One line of a preset: rules matched by a selector (<c>*</c> for every rule) and how they are set.</summary>
public readonly record struct PresetEntry(string Selector, PresetLevel Level);

/// <summary>
/// A named set of rules with severities, shipped inside the binary as data (<see cref="ConfigPresets"/>). A preset
/// speaks only about the rules it turns on; in <c>extends</c>, rules no entry turns on are off.
/// </summary>
public sealed record ConfigPreset(string Name, string Description, IReadOnlyList<PresetEntry> Entries)
{
    /// <summary>
    /// The severity the preset gives each rule, or null for a rule it does not turn on; indexed like the catalog.
    /// Every preset turns on the engine's own document rules (unparsable file, suppression problems): without
    /// them a broken file or a stale suppression would pass a focused preset silently.
    /// </summary>
    public Severity?[] Resolve(RuleLookup lookup)
    {
        var result = new Severity?[lookup.Rules.Count];
        for (var i = 0; i < result.Length; i++)
            if (lookup.Rules[i].Target == DocumentKinds.EngineTarget) result[i] = lookup.Rules[i].DefaultSeverity;
        foreach (var entry in Entries)
        {
            for (var i = 0; i < result.Length; i++)
            {
                var rule = lookup.Rules[i];
                if (!Selects(entry.Selector, rule)) continue;
                result[i] = entry.Level == PresetLevel.AtLeastWarning && rule.DefaultSeverity == Severity.Note ? Severity.Warning : rule.DefaultSeverity;
            }
        }

        return result;
    }

    private static bool Selects(string selector, RuleDescriptor rule) =>
        selector == "*"
        || (selector.StartsWith("category:", StringComparison.Ordinal) && rule.Category == selector["category:".Length..])
        || (selector.StartsWith("tag:", StringComparison.Ordinal) && rule.Tags.Contains(selector["tag:".Length..], StringComparer.Ordinal));
}

/// <summary>
/// The presets <c>extends</c> accepts. <c>recommended</c> is what a file without a config (or a config without
/// <c>extends</c>) gets: every rule at its default severity, so recalibrating a rule's default recalibrates the
/// preset. <c>all</c> turns on every rule at its default severity whatever the recommended set becomes; today they
/// select the same rules. <c>strict</c> is every rule with notes raised to warnings. The category presets turn on
/// one category each and combine: <c>extends: [security, performance]</c>.
/// </summary>
public static class ConfigPresets
{
    public const string DefaultName = "recommended";

    public static IReadOnlyList<ConfigPreset> All { get; } =
    [
        new("recommended", "Every rule at its default severity (the default).", [new("*", PresetLevel.Default)]),
        new("strict", "Every rule, with notes raised to warnings so that the default gate fails on them.", [new("*", PresetLevel.AtLeastWarning)]),
        new("security", "Only the security rules, at their default severities.", [new("category:security", PresetLevel.Default)]),
        new("performance", "Only the performance rules, at their default severities.", [new("category:performance", PresetLevel.Default)]),
        new("migration", "Only the live-migration rules, at their default severities.", [new("category:migration", PresetLevel.Default)]),
        new("all", "Every rule at its default severity, including any the recommended set leaves out.", [new("*", PresetLevel.Default)]),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static ConfigPreset Default { get; } = All[0];

    public static ConfigPreset? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
