using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests;

/// <summary>
/// <c>check --rules DIR</c> with an organisation rule whose metadata or parameter default is not of its type, and a
/// configuration that gives an integer parameter a fraction: each a located error, exit 2, nothing linted.
/// </summary>
public sealed class OrganisationRuleSpecTests : IDisposable
{
    private const string Domain = """
        <domain type='kvm'>
          <name>web01</name>
          <memory unit='KiB'>1048576</memory>
          <devices>
            <interface type='network'><source network='default'/></interface>
            <interface type='network'><source network='default'/></interface>
          </devices>
        </domain>
        """;

    private const string NothingLinted = "virtlint: error: 1 error(s) in the rule files of 'team'; nothing was linted.\n";

    private readonly Workspace _workspace = new();

    public OrganisationRuleSpecTests() => _workspace.Write("vm.xml", Domain);

    public void Dispose() => _workspace.Dispose();

    private CliResult Check(params string[] extra) =>
        _workspace.Run(["check", "--rules", "team", "--format", "concise", .. extra, "vm.xml"], stdin: "", catalog: BuiltInRules.Catalog);

    /// <summary>An organisation rule flagging a domain with more interfaces than its integer parameter allows.</summary>
    private static string Rule(string metadata = "severity: warning\ncategory: reliability\nprecision: high\ntarget: domain", string maxDefault = "1") => $"""
        id: ORG0004
        name: too-many-interfaces
        title: A domain has too many interfaces
        {metadata}
        params:
          max-interfaces:
            type: integer
            default: {maxDefault}
            description: Most interfaces a domain may have.
        check:
          context: devices
          report: count(interface) > $max-interfaces
        message: "Domain '{"{"}../name{"}"}' has more interfaces than allowed."
        docs:
          what-it-does: Flags domains with many interfaces.
          why-is-this-bad: The network team allots one port per guest. It is a warning because the guest still runs.
          example: "<interface/><interface/>"
          use-instead: "<interface/>"
          references: [https://libvirt.org/formatdomain.html#network-interfaces]
        """;

    [Fact]
    public void A_valid_rule_with_an_integer_parameter_runs_with_its_default_and_its_configured_value()
    {
        _workspace.Write("team/too-many-interfaces.yaml", Rule());

        var flagged = Check("--select", "ORG0004");
        var allowed = Check("--select", "ORG0004", "--param", "ORG0004.max-interfaces=2");

        Assert.Equal(("", "vm.xml:4:3: warning ORG0004 Domain 'web01' has more interfaces than allowed.\nChecked 1 file: 1 warning.\nFailed by 1 rule: ORG0004 too-many-interfaces (1).\n"),
            (flagged.Stderr, flagged.Stdout));
        Assert.Equal(ExitCodes.Findings, flagged.ExitCode);
        Assert.Equal(("", "Checked 1 file: no problems found.\n", ExitCodes.Clean), (allowed.Stderr, allowed.Stdout, allowed.ExitCode));
    }

    [Theory]
    [InlineData("severity: fatal\ncategory: reliability\nprecision: high\ntarget: domain", "4:11: error VLG0004: 'severity' must be one of error, warning, note, not 'fatal'")]
    [InlineData("severity: warning\ncategory: networking\nprecision: high\ntarget: domain", "5:11: error VLG0004: 'category' must be one of performance, security, reliability, migration, correctness, not 'networking'")]
    [InlineData("severity: warning\ncategory: reliability\nprecision: certain\ntarget: domain", "6:12: error VLG0004: 'precision' must be one of very-high, high, medium, low, not 'certain'")]
    [InlineData("severity: warning\ncategory: reliability\nprecision: high\ntarget: host", "7:9: error VLG0004: 'target' must be one of domain, pool, volume, network, workspace, document, not 'host'")]
    public void An_unknown_severity_category_precision_or_target_is_a_located_error(string metadata, string error)
    {
        _workspace.Write("team/too-many-interfaces.yaml", Rule(metadata));

        var result = Check();

        Assert.Equal(("team/too-many-interfaces.yaml:" + error + "\n" + NothingLinted, "", ExitCodes.UsageOrInputError), (result.Stderr, result.Stdout, result.ExitCode));
    }

    [Theory]
    [InlineData("1.5", "default '1.5' is not a valid integer: write a whole number, such as 20")]
    [InlineData("1e3", "default '1e3' is not a valid integer: write a whole number, such as 20")]
    [InlineData("many", "default 'many' is not a valid integer")]
    [InlineData("1e999", "default '1e999' is out of range: an integer parameter's default must be a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData("9223372036854775808", "default '9223372036854775808' is out of range: an integer parameter's default must be a whole number from -9223372036854775808 to 9223372036854775807")]
    public void An_integer_default_that_is_not_a_whole_number_in_range_is_a_located_error(string value, string message)
    {
        _workspace.Write("team/too-many-interfaces.yaml", Rule(maxDefault: value));

        var result = Check();

        Assert.Equal(($"team/too-many-interfaces.yaml:11:14: error VLG0004: {message}\n" + NothingLinted, "", ExitCodes.UsageOrInputError), (result.Stderr, result.Stdout, result.ExitCode));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    public void A_configured_integer_parameter_that_is_not_a_whole_number_is_a_located_config_error(string value)
    {
        _workspace.Write("team/too-many-interfaces.yaml", Rule());
        _workspace.Write(".virtlint.yaml", $"rules:\n  too-many-interfaces:\n    params: {{ max-interfaces: {value} }}\n");

        var result = Check();

        Assert.Equal(
            ($"virtlint: error: .virtlint.yaml:3:31: Parameter 'max-interfaces' of ORG0004 too-many-interfaces is an integer; found '{value}'.\n", "", ExitCodes.UsageOrInputError),
            (result.Stderr, result.Stdout, result.ExitCode));
    }
}
