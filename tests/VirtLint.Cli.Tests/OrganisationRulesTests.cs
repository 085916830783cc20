using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests;

/// <summary><c>check --rules DIR</c> and <c>test-rules DIR</c> with the repository's example organisation rules and broken ones.</summary>
public sealed class OrganisationRulesTests : IDisposable
{
    private const string Domain = """
        <domain type='kvm'>
          <name>prod-web-01</name>
          <memory unit='KiB'>1048576</memory>
          <os>
            <type arch='x86_64' machine='q35'>hvm</type>
          </os>
          <devices>
            <interface type='network'>
              <source network='lab-open'/>
              <model type='virtio'/>
            </interface>
          </devices>
        </domain>
        """;

    private readonly Workspace _workspace = new();

    public OrganisationRulesTests()
    {
        var examples = Path.Combine(RepositoryPaths.Root, "examples", "rules");
        foreach (var file in Directory.EnumerateFiles(examples, "*", SearchOption.AllDirectories))
            _workspace.Write(Path.Combine("rules", Path.GetRelativePath(examples, file)), File.ReadAllText(file));
    }

    public void Dispose() => _workspace.Dispose();

    private CliResult Run(params string[] args) => _workspace.Run(args, stdin: "", catalog: BuiltInRules.Catalog);

    /// <summary>A valid organisation rule file, with the given id and check.</summary>
    private static string Rule(string id, string name, string check) => $"""
        id: {id}
        name: {name}
        title: A test rule
        severity: warning
        category: reliability
        target: domain
        check:
        {check}
        message: "Domain name '{"{"}.{"}"}' is flagged."
        docs:
          what-it-does: Flags domains.
          why-is-this-bad: It is a warning because it is a test.
          example: "<domain/>"
          use-instead: "<domain/>"
          references: [https://libvirt.org/formatdomain.html]
        """;

    [Fact]
    public void Test_rules_passes_the_example_rules()
    {
        var result = Run("test-rules", "rules");

        Assert.Equal("", result.Stderr);
        Assert.Equal("""
            PASS ORG0001 domain-name-off-convention (3/3 samples)
            PASS ORG0002 interface-network-not-approved (2/2 samples)
            2/2: all rules passed (5 samples).

            """, result.Stdout);
        Assert.Equal(ExitCodes.Clean, result.ExitCode);
    }

    private const string TitleRule = """
        id: ORG0100
        name: domain-title-duplicate
        title: Two domains share a title
        severity: warning
        category: reliability
        target: workspace
        facts:
          domain:
            title:
              each: "title"
              values:
                value: "normalize-space(.)"
        check:
          context: "domain/title"
          let:
            first: "first-with-same(/workspace/domain/title, @value)"
          report: "exists($first)"
        related:
          nodes: "$first"
          message: "Title '{@value}' is first used here."
        message: "Title '{@value}' is already used by another domain."
        docs:
          what-it-does: Flags a domain whose title another domain has.
          why-is-this-bad: The inventory lists guests by title. It is a warning because nothing breaks but the inventory.
          example: "<title>web</title>"
          use-instead: "<title>web-2</title>"
          references: [https://libvirt.org/formatdomain.html#general-metadata]
        """;

    private static string Titled(string name, string title, string comment = "") => $"<domain type='kvm'>\n  <name>{name}</name>\n{comment}  <title>{title}</title>\n</domain>\n";

    [Fact]
    public void An_organisation_workspace_rule_is_interpreted_across_the_files_of_a_run()
    {
        _workspace.Write("team/domain-title-duplicate.yaml", TitleRule);
        _workspace.Write("a.xml", Titled("a", "front end"));
        _workspace.Write("b.xml", Titled("b", "front end"));
        _workspace.Write("c.xml", Titled("c", "back end"));

        var result = _workspace.Run(["check", "--rules", "team", "--select", "ORG0100", "--format", "json", "a.xml", "b.xml", "c.xml"], stdin: "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("ORG0100", "b.xml", 3, 3, "Title 'front end' is already used by another domain."),
            (finding.GetProperty("ruleId").GetString(), finding.GetProperty("path").GetString(), finding.GetProperty("line").GetInt32(),
                finding.GetProperty("column").GetInt32(), finding.GetProperty("message").GetString()));
    }

    [Fact]
    public void A_document_rule_reports_its_related_nodes_in_the_same_file()
    {
        _workspace.Write("team/title-repeats-name.yaml", """
            id: ORG0101
            name: title-repeats-name
            title: The title repeats the name
            severity: note
            category: reliability
            target: domain
            check:
              context: "title"
              report: ". = ../name"
            related:
              nodes: "../name"
              message: "The name '{.}' is here."
            message: "Title '{.}' repeats the domain's name."
            docs:
              what-it-does: Flags a title equal to the name.
              why-is-this-bad: The title says nothing more. It is a note because nothing breaks.
              example: "<title>web</title>"
              use-instead: "<title>web front end</title>"
              references: [https://libvirt.org/formatdomain.html#general-metadata]
            """);
        _workspace.Write("a.xml", Titled("web", "web"));

        var result = _workspace.Run(["check", "--rules", "team", "--select", "ORG0101", "--format", "json", "a.xml"], stdin: "", catalog: BuiltInRules.Catalog);

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("a.xml", 3, "Title 'web' repeats the domain's name."), (finding.GetProperty("path").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("message").GetString()));
        var related = Assert.Single(finding.GetProperty("related").EnumerateArray());
        Assert.Equal(("a.xml", 2, 3, "The name 'web' is here."),
            (related.GetProperty("path").GetString(), related.GetProperty("line").GetInt32(), related.GetProperty("column").GetInt32(), related.GetProperty("message").GetString()));
    }

    [Fact]
    public void Test_rules_runs_a_workspace_rules_sample_folders_as_runs()
    {
        _workspace.Write("team/domain-title-duplicate.yaml", TitleRule);
        _workspace.Write("team/domain-title-duplicate/flagged/a.xml", Titled("a", "front end"));
        _workspace.Write("team/domain-title-duplicate/flagged/b.xml", Titled("b", "front end", "  <!-- expect: ORG0100@3: Title 'front end' is already used by another domain. -->\n"));
        _workspace.Write("team/domain-title-duplicate/clean/a.xml", Titled("a", "front end"));
        _workspace.Write("team/domain-title-duplicate/clean/b.xml", Titled("b", "back end"));
        _workspace.Write("team/domain-title-duplicate/clean-wrong/a.xml", Titled("a", "same"));
        _workspace.Write("team/domain-title-duplicate/clean-wrong/b.xml", Titled("b", "same"));

        var result = _workspace.Run(["test-rules", "team"], stdin: "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("""
            FAIL ORG0100 domain-title-duplicate (2/3 samples)
              team/domain-title-duplicate/clean-wrong: b.xml: expected findings on lines [] but got [line 3: Title 'same' is already used by another domain.]
            0/1: 1 rule(s) failed (1 of 3 samples).

            """, result.Stdout);
    }

    [Fact]
    public void Test_rules_fails_a_sample_whose_finding_is_not_expected()
    {
        _workspace.Write("rules/interface-network-not-approved/clean-unapproved.xml", Domain);

        var result = Run("test-rules", "rules");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("FAIL ORG0002 interface-network-not-approved (2/3 samples)\n", result.Stdout);
        Assert.Contains("  rules/interface-network-not-approved/clean-unapproved.xml: expected findings on lines [] but got [line 9: Interface connects to network 'lab-open', which is not on the approved list.]\n", result.Stdout);
        Assert.EndsWith("1/2: 1 rule(s) failed (1 of 6 samples).\n", result.Stdout);
    }

    [Fact]
    public void Test_rules_fails_a_rule_without_samples()
    {
        _workspace.Write("rules/domain-flagged.yaml", Rule("ORG0003", "domain-flagged", "  context: name\n  report: \"true()\""));

        var result = Run("test-rules", "rules");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("FAIL ORG0003 domain-flagged (0/1 samples)\n  rules/domain-flagged: no samples: add rules/domain-flagged/flagged.xml and rules/domain-flagged/clean.xml\n", result.Stdout);
    }

    [Fact]
    public void Test_rules_exits_2_on_a_broken_rule_and_runs_nothing()
    {
        _workspace.Write("rules/domain-flagged.yaml", Rule("ORG0003", "domain-flagged", "  context: name\n  report: \"no-such-function(.)\""));

        var result = Run("test-rules", "rules");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("rules/domain-flagged.yaml:9:12: error VLG0006: ", result.Stderr);
        Assert.EndsWith("virtlint: error: 1 error(s) in the rule files of 'rules'; no rule was tested.\n", result.Stderr);
    }

    [Fact]
    public void Check_reports_organisation_rule_findings_beside_built_in_ones()
    {
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "--format", "concise", "vm.xml");

        Assert.Contains("vm.xml:9:15: error ORG0002 Interface connects to network 'lab-open', which is not on the approved list.\n", result.Stdout);
        Assert.DoesNotContain("ORG0001", result.Stdout);
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
    }

    [Theory]
    [InlineData("VL9001", "  context: name\n  report: \"true()\"", "rules/domain-flagged.yaml:1:5: error VLG0013: 'VL9001' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001")]
    [InlineData("VLG0001", "  context: name\n  report: \"true()\"", "rules/domain-flagged.yaml:1:5: error VLG0013: 'VLG0001' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001")]
    [InlineData("ORG01", "  context: name\n  report: \"true()\"", "rules/domain-flagged.yaml:1:5: error VLG0013: 'ORG01' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001")]
    [InlineData("ORG0001", "  context: name\n  report: \"true()\"", "rules/domain-name-off-convention.yaml:1:5: error VLG0007: rule id 'ORG0001' is already used by rules/domain-flagged.yaml; ids are never reused")]
    [InlineData("ORG0003", "  context: name\n  report: \"matches(., \\\"(?<a>v)\\\\k'a'\\\")\"", "rules/domain-flagged.yaml:9:23: error VLG0006: the pattern uses a construct non-backtracking matching does not support")]
    public void Check_refuses_broken_organisation_rules_with_located_errors(string id, string check, string error)
    {
        _workspace.Write("rules/domain-flagged.yaml", Rule(id, "domain-flagged", check));
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "vm.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith(error, result.Stderr);
        Assert.EndsWith("virtlint: error: 1 error(s) in the rule files of 'rules'; nothing was linted.\n", result.Stderr);
    }

    [Theory]
    [InlineData("message: \"Domain name '{.}' is flagged.\"", "message: \"Domain name '{.}' is flagged\"", "rules/domain-flagged.yaml:10:10: error VLG0011: the message must end with a period")]
    [InlineData("message: \"Domain name '{.}' is flagged.\"", "message: \"Domain name {.} is flagged.\"", "rules/domain-flagged.yaml:10:10: error VLG0011: the message must name the offending value in 'single quotes', e.g. \"Disk '{@dev}' uses ...\"")]
    [InlineData("why-is-this-bad: It is a warning because it is a test.", "why-is-this-bad: It is a test.", "rules/domain-flagged.yaml:13:20: error VLG0012: 'why-is-this-bad' does not say why the rule is a 'warning': end it with, e.g., 'It is a warning because ...'")]
    [InlineData("name: domain-flagged", "name: domain-marked", "rules/domain-flagged.yaml:2:7: error VLG0014: the rule 'domain-marked' must be in a file named domain-marked.yaml, not domain-flagged.yaml")]
    public void Check_refuses_organisation_rules_that_break_the_conventions(string from, string to, string error)
    {
        var rule = Rule("ORG0003", "domain-flagged", "  context: name\n  report: \"true()\"");
        Assert.Contains(from, rule, StringComparison.Ordinal);
        _workspace.Write("rules/domain-flagged.yaml", rule.Replace(from, to));
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "vm.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(error + "\nvirtlint: error: 1 error(s) in the rule files of 'rules'; nothing was linted.\n", result.Stderr);
    }

    [Theory]
    [InlineData(
        "extends: []\nrules:\n  interface-network-not-approved: warning\n",
        "vm.xml:9:15: warning ORG0002 Interface connects to network 'lab-open', which is not on the approved list.\nChecked 1 file: 1 warning.\nFailed by 1 rule: ORG0002 interface-network-not-approved (1).\n",
        ExitCodes.Findings)]
    [InlineData(
        "extends: []\nrules:\n  interface-network-not-approved:\n    params: { approved-networks: [default, lab-open] }\n",
        "Checked 1 file: no problems found.\n",
        ExitCodes.Clean)]
    [InlineData(
        "extends: []\nrules:\n  domain-name-off-convention:\n    severity: note\n    params: { environments: [test, dev] }\n",
        "vm.xml:2:3: note ORG0001 Domain name 'prod-web-01' does not follow the naming convention: lower-case kebab-case words starting with an environment prefix, e.g. 'prod-web-01'.\nChecked 1 file: 1 note.\n",
        ExitCodes.Clean)]
    public void The_configuration_enables_and_parameterises_organisation_rules(string configuration, string stdout, int exitCode)
    {
        _workspace.Write(".virtlint.yaml", configuration);
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "--format", "concise", "vm.xml");

        Assert.Equal("", result.Stderr);
        Assert.Equal(stdout, result.Stdout);
        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public void The_configuration_turns_an_organisation_rule_off_for_some_files()
    {
        _workspace.Write(".virtlint.yaml", """
            extends: []
            rules:
              interface-network-not-approved: error
            overrides:
              - files: ["legacy/*.xml"]
                rules: { interface-network-not-approved: off }
            """);
        _workspace.Write("vm.xml", Domain);
        _workspace.Write("legacy/vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "--format", "concise", "vm.xml", "legacy/vm.xml");

        Assert.Equal("", result.Stderr);
        Assert.Equal(
            "vm.xml:9:15: error ORG0002 Interface connects to network 'lab-open', which is not on the approved list.\nChecked 2 files: 1 error.\nFailed by 1 rule: ORG0002 interface-network-not-approved (1).\n",
            result.Stdout);
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
    }

    [Fact]
    public void The_configuration_may_set_only_parameters_an_organisation_rule_declares()
    {
        _workspace.Write(".virtlint.yaml", "rules:\n  interface-network-not-approved:\n    params: { approved-netwrks: [lab-open] }\n");
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "vm.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "virtlint: error: .virtlint.yaml:3:15: ORG0002 interface-network-not-approved has no parameter 'approved-netwrks'; did you mean 'approved-networks'? Its parameters: approved-networks.\n",
            result.Stderr);
    }

    [Fact]
    public void Check_refuses_a_rule_nested_too_deep_to_check_instead_of_overflowing_the_stack()
    {
        var deep = $"{new string('(', 100_000)}true(){new string(')', 100_000)}";
        _workspace.Write("rules/domain-flagged.yaml", Rule("ORG0003", "domain-flagged", $"  context: name\n  report: \"{deep}\""));
        _workspace.Write("vm.xml", Domain);

        var result = Run("check", "--rules", "rules", "vm.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("rules/domain-flagged.yaml:9:76: error VLG0005: brackets are nested more than 64 deep\nvirtlint: error: 1 error(s) in the rule files of 'rules'; nothing was linted.\n", result.Stderr);
    }

    [Fact]
    public void Check_refuses_a_missing_rules_directory()
    {
        var result = Run("check", "--rules", "nowhere", "vm.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("virtlint: error: --rules 'nowhere': no such directory.\n", result.Stderr);
    }
}
