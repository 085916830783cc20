using VirtLint.Core.Configuration;
using VirtLint.Core;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.Rules;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>Organisation rules run by the evaluator: XPath's document order, parameters, and the shared helper table.</summary>
public sealed class InterpretedRuleTests
{
    private const string Domain = """
        <domain type='kvm'>
          <name>web01</name>
          <devices>
            <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
          </devices>
          <os><type arch='x86_64' machine='q35'>hvm</type></os>
        </domain>
        """;

    private static string Rule(string context, string message, string parameters = "") => SampleRule.Yaml(context, message, parameters);

    private static string Shown(Finding finding)
    {
        Assert.StartsWith("Shown '", finding.Message, StringComparison.Ordinal);
        Assert.EndsWith("'.", finding.Message, StringComparison.Ordinal);
        return finding.Message["Shown '".Length..^2];
    }

    private static IReadOnlyList<Finding> Lint(string rule, string document = Domain, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var loaded = UserRules.Load([("sample-rule.yaml", rule)], BuiltInRules.Catalog);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        var catalog = loaded.With(BuiltInRules.Catalog);
        // Parameters reach a rule the way users set them: through the configuration (here, --param).
        var lookup = new RuleLookup(catalog);
        var errors = new List<ConfigError>();
        var overrides = CommandLineOverrides.Parse(lookup, null, null, null,
            (parameters ?? new Dictionary<string, string>()).Select(p => $"ORG0001.{p.Key}={p.Value}").ToList(), null, errors);
        Assert.True(overrides is not null, string.Join("\n", errors.Select(e => e.Message)));
        var config = new ConfigResolver(lookup, new ConfigResolverOptions { Isolated = true, CommandLine = overrides }).For(Path.GetFullPath("vm.xml"));
        var input = LintInput.FromBytes("vm.xml", System.Text.Encoding.UTF8.GetBytes(document)) with { Config = config };
        return new Linter(catalog).Lint([input]).Findings.Where(f => f.RuleId == "ORG0001").ToList();
    }

    [Fact]
    public void The_first_ancestor_is_the_root_element()
    {
        var finding = Assert.Single(Lint(Rule("devices/disk/target", "{name(ancestor::*)} {name(ancestor-or-self::*[@bus])}")));
        Assert.Equal("domain target", Shown(finding));
        Assert.Equal((4, 37), (finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Fact]
    public void A_union_is_in_document_order()
    {
        var finding = Assert.Single(Lint(Rule(".", "{name(os | devices)} {name(name | os | devices)}")));
        Assert.Equal("devices name", Shown(finding));
    }

    [Fact]
    public void A_fused_union_is_in_document_order_and_each_name_keeps_its_predicates()
    {
        const string domain = """
            <domain type='kvm' id='1'>
              <name>web01</name>
              <on_reboot>restart</on_reboot>
              <on_poweroff>destroy</on_poweroff>
              <on_crash>destroy</on_crash>
            </domain>
            """;
        // Each union is one step over the children (or attributes) with a set of names: see RuleLoweringTests.
        var finding = Assert.Single(Lint(Rule(".",
            "{name(on_crash | on_poweroff[. = 'restart'] | on_reboot)} {count(on_crash | on_poweroff[. = 'restart'] | on_reboot)} {name(on_poweroff[. = 'destroy'] | on_crash)} {name(@id | @type)}"), domain));
        Assert.Equal("on_reboot 2 on_poweroff type", Shown(finding));
    }

    [Fact]
    public void Sibling_axes_of_a_node_set_are_in_document_order()
    {
        const string domain = """
            <domain type='kvm'>
              <name>web01</name>
              <devices>
                <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>
                <interface type='network'><source network='default'/></interface>
              </devices>
              <os><type arch='x86_64' machine='q35'>hvm</type></os>
            </domain>
            """;
        var finding = Assert.Single(Lint(Rule(".", "{name((devices | devices/disk)/following-sibling::*)} {name((os | devices/interface)/preceding-sibling::*)}"), domain));
        Assert.Equal("interface name", Shown(finding));
    }

    [Fact]
    public void Parameters_take_their_defaults()
    {
        var parameters = "params:\n  prefixes:\n    type: string-list\n    default: [web, db]\n  limit:\n    type: integer\n    default: 3";
        var finding = Assert.Single(Lint(Rule("name[substring(., 1, $limit) = $prefixes]", "{.} {$limit + 1}", parameters)));
        Assert.Equal("web01 4", Shown(finding));
    }

    [Fact]
    public void Parameters_take_the_values_a_run_gives_them()
    {
        var parameters = "params:\n  prefixes:\n    type: string-list\n    default: [web, db]\n  limit:\n    type: integer\n    default: 3";
        var rule = Rule("name[substring(., 1, $limit) = $prefixes]", "{.} {$limit + 1}", parameters);
        Assert.Empty(Lint(rule, parameters: new Dictionary<string, string> { ["prefixes"] = "db, app" }));
        var finding = Assert.Single(Lint(rule, parameters: new Dictionary<string, string> { ["prefixes"] = "we", ["limit"] = "2" }));
        Assert.Equal("web01 3", Shown(finding));
    }

    [Fact]
    public void Every_function_of_the_language_has_a_run_time_helper()
    {
        var missing = FunctionTable.All.Where(f => !PlanEvaluation.KnownHelpers.Contains(f.Helper)).Select(f => $"{f.Name} → {f.Helper}").ToList();
        Assert.Empty(missing);
    }
}
