namespace VirtLint.Core.Configuration;

/// <summary>
/// The configuration one linted file gets: each rule's enablement, severity and typed parameters, the fail level,
/// and the config <c>ignores:</c> that name the file. The result of presets, then the files' <c>rules:</c>
/// (category &lt; tag &lt; id/name), then matching <c>overrides</c> in order, then the command line.
/// </summary>
/// <remarks>
/// The engine asks <see cref="ConfigResolver.For"/> once per input before linting (so that a config error stops
/// the run before anything is linted), then, per document: runs only the checkers whose rule
/// <see cref="IsEnabled(RuleDescriptor)"/>, gives each finding <see cref="SeverityOf"/> its rule, hands
/// <see cref="ParametersOf"/> to the checker context, and gives <see cref="Ignores"/> to the suppression stage.
/// Files with the same configuration share one rule table, so this object is cheap.
/// </remarks>
public sealed class EffectiveConfig
{
    private readonly RuleConfiguration[] _rules;
    private readonly RuleLookup _lookup;

    internal EffectiveConfig(RuleLookup lookup, RuleConfiguration[] rules, FailLevel failOn, IReadOnlyList<string> sources, IReadOnlyList<ConfigIgnore> ignores)
    {
        _lookup = lookup;
        _rules = rules;
        FailOn = failOn;
        Sources = sources;
        Ignores = ignores;
    }

    /// <summary>The config files that contributed, the governing one first, then what it extends (depth first); empty without a config.</summary>
    public IReadOnlyList<string> Sources { get; }

    public FailLevel FailOn { get; }

    /// <summary>The config <c>ignores:</c> entries whose <c>files</c> match this file (expired ones included: the suppression stage reports them).</summary>
    public IReadOnlyList<ConfigIgnore> Ignores { get; }

    public RuleConfiguration this[RuleDescriptor rule] => _rules[Index(rule)];

    public bool IsEnabled(RuleDescriptor rule) => _rules[Index(rule)].Enabled;

    public Severity SeverityOf(RuleDescriptor rule) => _rules[Index(rule)].Severity;

    public RuleParameters ParametersOf(RuleDescriptor rule) => _rules[Index(rule)].Parameters;

    /// <summary>The enabled rules with their configuration, in catalogue (id) order.</summary>
    public IEnumerable<(RuleDescriptor Rule, RuleConfiguration Configuration)> EnabledRules()
    {
        for (var i = 0; i < _rules.Length; i++)
            if (_rules[i].Enabled) yield return (_lookup.Rules[i], _rules[i]);
    }

    /// <summary>Every rule with its configuration, in catalogue (id) order.</summary>
    public IEnumerable<(RuleDescriptor Rule, RuleConfiguration Configuration)> AllRules()
    {
        for (var i = 0; i < _rules.Length; i++) yield return (_lookup.Rules[i], _rules[i]);
    }

    private int Index(RuleDescriptor rule)
    {
        var index = _lookup.IndexOf(rule);
        return index >= 0 ? index : throw new ArgumentException($"{rule.Id} is not in this run's rule catalogue.", nameof(rule));
    }
}
