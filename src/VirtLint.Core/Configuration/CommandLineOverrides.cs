namespace VirtLint.Core.Configuration;

/// <summary>
/// The command line's say over the configuration, applied after every config file: <c>--select</c> (run only the
/// selected rules, turning them on at their configured severity even if a config turned them off), then
/// <c>--ignore</c> (turn off), then <c>--severity RULE=LEVEL</c> (category &lt; tag &lt; rule, as in a config), then <c>--param RULE.NAME=VALUE</c>, and
/// <c>--fail-on</c>. RULE may be a rule id or name, <c>tag:x</c> or <c>category:y</c>, except in <c>--param</c>.
/// <c>--select</c> leaves the engine's document rules (VL0xxx) as configured; <c>--ignore</c> can turn them off.
/// </summary>
/// <remarks>
/// The CLI calls <see cref="Parse"/> once with the raw option values; errors (unknown rules, bad levels, mistyped
/// values) are usage errors (exit 2). The result goes into <see cref="ConfigResolverOptions.CommandLine"/>.
/// </remarks>
public sealed class CommandLineOverrides
{
    private readonly IReadOnlyList<RuleSelector> _select;
    private readonly IReadOnlyList<RuleSelector> _ignore;
    private readonly IReadOnlyList<(RuleSelector Selector, RuleLevel Level)> _severities;
    private readonly IReadOnlyList<(RuleDescriptor Rule, string Name, ParameterValue Value)> _parameters;

    private CommandLineOverrides(
        IReadOnlyList<RuleSelector> select,
        IReadOnlyList<RuleSelector> ignore,
        IReadOnlyList<(RuleSelector, RuleLevel)> severities,
        IReadOnlyList<(RuleDescriptor, string, ParameterValue)> parameters,
        FailLevel? failOn)
    {
        _select = select;
        _ignore = ignore;
        _severities = severities;
        _parameters = parameters;
        FailOn = failOn;
    }

    public static CommandLineOverrides None { get; } = new([], [], [], [], null);

    public FailLevel? FailOn { get; }

    public bool IsEmpty => _select.Count == 0 && _ignore.Count == 0 && _severities.Count == 0 && _parameters.Count == 0 && FailOn is null;

    /// <summary>Validates the option values; returns null when <paramref name="errors"/> gained an error.</summary>
    public static CommandLineOverrides? Parse(
        RuleLookup lookup,
        IEnumerable<string>? select,
        IEnumerable<string>? ignore,
        IEnumerable<string>? severities,
        IEnumerable<string>? parameters,
        string? failOn,
        List<ConfigError> errors)
    {
        var before = errors.Count;
        var selected = Selectors(lookup, select, "--select", errors);
        var ignored = Selectors(lookup, ignore, "--ignore", errors);

        var levels = new List<(RuleSelector, RuleLevel)>();
        foreach (var item in severities ?? [])
        {
            var equals = item.LastIndexOf('=');
            if (equals <= 0)
            {
                errors.Add(ConfigError.CommandLine($"--severity '{item}': write RULE=LEVEL, e.g. VL1003=error."));
                continue;
            }

            var level = item[(equals + 1)..];
            if (!LevelNames.TryParseRuleLevel(level, out var parsed))
            {
                errors.Add(ConfigError.CommandLine($"--severity '{item}': the level is one of {string.Join(", ", LevelNames.RuleLevels)}{NameSuggestions.Hint(level, LevelNames.RuleLevels)}"));
                continue;
            }

            if (RuleSelector.TryParse(item[..equals], lookup, out var selector, out var problem)) levels.Add((selector!, parsed));
            else errors.Add(ConfigError.CommandLine($"--severity '{item}': {problem}"));
        }

        var values = new List<(RuleDescriptor, string, ParameterValue)>();
        foreach (var item in parameters ?? [])
        {
            var equals = item.IndexOf('=');
            var dot = equals > 0 ? item.LastIndexOf('.', equals - 1) : -1;
            if (equals <= 0 || dot <= 0 || dot == equals - 1)
            {
                errors.Add(ConfigError.CommandLine($"--param '{item}': write RULE.NAME=VALUE, e.g. nic-model-not-virtio.emulated-models=e1000,rtl8139."));
                continue;
            }

            var ruleName = item[..dot];
            var name = item[(dot + 1)..equals];
            var rule = lookup.Find(ruleName);
            if (rule is null)
            {
                errors.Add(ConfigError.CommandLine($"--param '{item}': unknown rule '{ruleName}'{lookup.SuggestRule(ruleName)}"));
                continue;
            }

            var declaration = rule.Parameters.FirstOrDefault(p => p.Name == name);
            if (declaration is null)
            {
                var names = rule.Parameters.Select(p => p.Name).ToArray();
                errors.Add(ConfigError.CommandLine(names.Length == 0
                    ? $"--param '{item}': {rule.Id} {rule.Name} has no parameters."
                    : $"--param '{item}': {rule.Id} {rule.Name} has no parameter '{name}'{NameSuggestions.Hint(name, names)}"));
                continue;
            }

            var value = ParameterBinder.BindText(rule, declaration, item[(equals + 1)..], out var problem);
            if (value is null) errors.Add(ConfigError.CommandLine($"--param '{item}': {problem}"));
            else values.Add((rule, declaration.Name, value));
        }

        FailLevel? fail = null;
        if (failOn is not null)
        {
            if (LevelNames.TryParseFailLevel(failOn, out var level)) fail = level;
            else errors.Add(ConfigError.CommandLine($"--fail-on '{failOn}': use one of {string.Join(", ", LevelNames.FailLevels)}{NameSuggestions.Hint(failOn, LevelNames.FailLevels)}"));
        }

        return errors.Count > before ? null : new CommandLineOverrides(selected, ignored, levels, values, fail);
    }

    internal void Apply(RuleConfiguration[] table, RuleLookup lookup)
    {
        if (_select.Count > 0)
        {
            var chosen = new bool[table.Length];
            foreach (var selector in _select)
                foreach (var index in selector.Indices(lookup)) chosen[index] = true;
            // The engine's own document rules (unparsable file, suppression problems) stay as configured: selecting
            // one rule must not let a broken file pass silently.
            for (var i = 0; i < table.Length; i++)
                if (chosen[i] || lookup.Rules[i].Target != DocumentKinds.EngineTarget) table[i] = table[i] with { Enabled = chosen[i] };
        }

        foreach (var selector in _ignore)
            foreach (var index in selector.Indices(lookup)) table[index] = table[index] with { Enabled = false };

        // Like a config file's rules: categories, then tags, then single rules, each in command-line order.
        foreach (var kind in (ReadOnlySpan<SelectorKind>)[SelectorKind.Category, SelectorKind.Tag, SelectorKind.Rule])
            foreach (var (selector, level) in _severities)
                if (selector.Kind == kind)
                    foreach (var index in selector.Indices(lookup)) table[index] = RuleTable.Apply(table[index], level, Empty);

        foreach (var (rule, name, value) in _parameters)
        {
            var index = lookup.IndexOf(rule);
            table[index] = RuleTable.Apply(table[index], null, new Dictionary<string, ParameterValue> { [name] = value });
        }
    }

    private static List<RuleSelector> Selectors(RuleLookup lookup, IEnumerable<string>? values, string option, List<ConfigError> errors)
    {
        var result = new List<RuleSelector>();
        foreach (var value in values ?? [])
        {
            // "--select VL1001,VL1003" and repeated options are both accepted.
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (RuleSelector.TryParse(part, lookup, out var selector, out var problem)) result.Add(selector!);
                else errors.Add(ConfigError.CommandLine($"{option} '{part}': {problem}"));
            }
        }

        return result;
    }

    private static readonly IReadOnlyDictionary<string, ParameterValue> Empty = new Dictionary<string, ParameterValue>();
}
