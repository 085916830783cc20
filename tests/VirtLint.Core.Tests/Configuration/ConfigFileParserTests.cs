using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

/// <summary>Every configuration error is located at line:col of the offending node, with a did-you-mean where one is close.</summary>
public sealed class ConfigFileParserTests
{
    private const string Path = "/repo/.virtlint.yaml";

    private static ConfigFile? Parse(string yaml, out List<ConfigError> errors)
    {
        errors = [];
        return ConfigFileParser.Parse(yaml, Path, ConfigTestCatalog.Lookup, errors);
    }

    private static string SingleError(string yaml)
    {
        Assert.Null(Parse(yaml, out var errors));
        var error = Assert.Single(errors);
        Assert.Equal(Path, error.Path);
        return $"{error.Line}:{error.Column}: {error.Message}";
    }

    [Fact]
    public void The_example_from_the_documentation_parses()
    {
        var file = Parse("""
            extends: [recommended]
            include: ["vms/**/*.xml"]
            exclude: ["vms/archive/**"]
            fail-on: warning
            rules:
              VL1003: error
              disk-bus-not-virtio: off
              "tag:thin-provisioning": note
              "category:migration": off
              nic-model-not-virtio:
                severity: warning
                params: { emulated-models: [e1000, rtl8139] }
            overrides:
              - files: ["legacy/windows/**"]
                rules: { VL1001: off, VL1201: off }
            ignores:
              - rule: VL2001
                files: ["storage/pools/isos.xml"]
                reason: "read-only install media"
                until: 2027-03-31
            """, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(file);
        Assert.Equal("recommended", Assert.Single(file!.Extends!).Preset!.Name);
        Assert.Equal("vms/**/*.xml", Assert.Single(file.Include!).Pattern);
        Assert.Equal(FailLevel.Warning, file.FailOn);
        Assert.Equal(["VL1003", "disk-bus-not-virtio", "tag:thin-provisioning", "category:migration", "nic-model-not-virtio"], file.Rules.Select(r => r.Selector.Text));
        Assert.Equal([RuleLevel.Error, RuleLevel.Off, RuleLevel.Note, RuleLevel.Off, RuleLevel.Warning], file.Rules.Select(r => r.Level!.Value));
        var models = file.Rules[4].Parameters["emulated-models"];
        Assert.Equal(ParameterType.StringList, models.Type);
        Assert.Equal(["e1000", "rtl8139"], models.List!);
        Assert.Equal(2, Assert.Single(file.Overrides).Rules.Count);
        var ignore = Assert.Single(file.Ignores);
        Assert.Equal("VL2001", ignore.Rule.Id);
        Assert.Equal("read-only install media", ignore.Reason);
        Assert.Equal(new DateOnly(2027, 3, 31), ignore.Until);
        Assert.Equal((17, 5), (ignore.Line, ignore.Column));
    }

    [Fact]
    public void An_empty_file_is_a_valid_configuration()
    {
        var file = Parse("# nothing configured yet\n", out var errors);
        Assert.Empty(errors);
        Assert.Null(file!.Extends);
        Assert.Empty(file.Rules);
    }

    [Fact]
    public void Unknown_top_level_key() =>
        Assert.Equal("2:1: Unknown key 'rule' in a configuration file; did you mean 'rules'? The keys are extends, include, exclude, fail-on, rules, overrides, ignores.",
            SingleError("fail-on: error\nrule:\n  VL1003: off\n"));

    [Fact]
    public void Unknown_rule_suggests_the_closest_name() =>
        Assert.Equal("2:3: Unknown rule 'disk-bus-not-virtoi'; did you mean 'disk-bus-not-virtio'?",
            SingleError("rules:\n  disk-bus-not-virtoi: off\n"));

    [Fact]
    public void Unknown_rule_id_suggests_an_id() =>
        Assert.Equal("2:3: Unknown rule 'VL1004'; did you mean 'VL1001'?", SingleError("rules:\n  VL1004: off\n"));

    [Fact]
    public void Rules_are_found_by_id_in_any_case_and_by_pascal_case_name()
    {
        var file = Parse("rules:\n  vl1003: error\n  DiskBusNotVirtio: off\n", out var errors);
        Assert.Empty(errors);
        Assert.Equal(["VL1003", "VL1001"], file!.Rules.Select(r => r.Selector.Rule!.Id));
    }

    [Fact]
    public void Unknown_tag_and_category() =>
        Assert.Equal(["2:3: Unknown tag 'thin-provisionning'; did you mean 'thin-provisioning'?", "3:3: Unknown category 'migrations'; did you mean 'migration'?"],
            Errors("rules:\n  tag:thin-provisionning: note\n  category:migrations: off\n"));

    [Fact]
    public void Unknown_selector_prefix() =>
        Assert.Equal("2:3: Unknown selector 'tags:'; did you mean 'tag'? A rule is named by its id or name, a group by 'tag:NAME' or 'category:NAME'.",
            SingleError("rules:\n  tags:disk: off\n"));

    [Fact]
    public void Bad_level_suggests_a_level() =>
        Assert.Equal("2:11: The level is one of off, note, warning, error; found 'warnig'; did you mean 'warning'?",
            SingleError("rules:\n  VL1003: warnig\n"));

    [Fact]
    public void Bad_fail_on() =>
        Assert.Equal("1:10: 'fail-on' is one of error, warning, note, none; found 'erorr'; did you mean 'error'?", SingleError("fail-on: erorr\n"));

    [Fact]
    public void The_same_rule_twice_under_different_names() =>
        Assert.Equal("3:3: 'disk-cache-not-none' names the same rule as 'VL1003' on line 2; configure it once.",
            SingleError("rules:\n  VL1003: error\n  disk-cache-not-none: off\n"));

    [Fact]
    public void Unknown_parameter_suggests_the_rule_parameter() =>
        Assert.Equal("4:7: VL1201 nic-model-not-virtio has no parameter 'emulated-model'; did you mean 'emulated-models'? Its parameters: emulated-models.",
            SingleError("rules:\n  nic-model-not-virtio:\n    params:\n      emulated-model: [e1000]\n"));

    [Fact]
    public void Parameter_on_a_rule_without_parameters() =>
        Assert.Equal("4:7: VL1003 disk-cache-not-none has no parameters.", SingleError("rules:\n  VL1003:\n    params:\n      mode: none\n"));

    [Fact]
    public void Parameters_are_typed_by_the_rule_declaration()
    {
        Assert.Equal("4:24: Parameter 'emulated-models' of VL1201 nic-model-not-virtio is a string-list; expected a list such as [a, b], found 'e1000'.",
            SingleError("rules:\n  VL1201:\n    params:\n      emulated-models: e1000\n"));
        Assert.Equal("4:26: Parameter 'nearly-full-ratio' of VL2001 pool-nearly-full is a number; found 'ninety'.",
            SingleError("rules:\n  VL2001:\n    params:\n      nearly-full-ratio: ninety\n"));
        Assert.Equal("4:20: Parameter 'max-volumes' of VL2001 pool-nearly-full is an integer; found '2.5'.",
            SingleError("rules:\n  VL2001:\n    params:\n      max-volumes: 2.5\n"));
        Assert.Equal("4:23: Parameter 'count-inactive' of VL2001 pool-nearly-full is a boolean; found the quoted string 'true' (write it without quotes).",
            SingleError("rules:\n  VL2001:\n    params:\n      count-inactive: \"true\"\n"));
        Assert.Equal("4:29: Parameter 'emulated-buses' of VL1001 disk-bus-not-virtio is a string-list; each item must be a string, found a list.",
            SingleError("rules:\n  VL1001:\n    params:\n      emulated-buses: [ide, [sata]]\n"));
    }

    [Fact]
    public void Typed_parameters_are_bound_once()
    {
        var file = Parse("rules:\n  VL2001:\n    params: { nearly-full-ratio: 0.75, max-volumes: 12, count-inactive: true, max-mode: 0755 }\n", out var errors);
        Assert.Empty(errors);
        var parameters = file!.Rules.Single().Parameters;
        Assert.Equal(0.75, parameters["nearly-full-ratio"].Number);
        Assert.Equal(ParameterType.Integer, parameters["max-volumes"].Type);
        Assert.Equal(12, parameters["max-volumes"].Number);
        Assert.True(parameters["count-inactive"].Boolean);
        Assert.Equal("0755", parameters["max-mode"].Text);
        Assert.Null(file.Rules.Single().Level);
    }

    [Fact]
    public void Params_on_a_group_are_refused() =>
        Assert.Equal("3:5: 'params' apply to one rule, and 'tag:disk' names a group; set parameters under the rule's id or name.",
            SingleError("rules:\n  tag:disk:\n    params: { emulated-buses: [ide] }\n"));

    [Fact]
    public void Bad_globs_are_located_at_the_glob() =>
        Assert.Equal("1:17: 'vms/[ab' is not a valid glob: the character class opened at column 5 is not closed with ']'.",
            SingleError("include: [\"**\", \"vms/[ab\"]\n"));

    [Fact]
    public void Ignores_need_a_rule_files_and_a_reason() =>
        Assert.Equal(
            [
                "2:5: This ignore has no 'reason'; say why the finding is accepted.",
                "5:13: 'reason' is required and cannot be empty: say why the finding is accepted.",
                "7:5: This ignore has no 'files'; say which files it applies to.",
                "7:5: This ignore has no 'rule'.",
            ],
            Errors("ignores:\n  - rule: VL2001\n    files: [a.xml]\n  - rule: VL2001\n    reason: \"  \"\n    files: [a.xml]\n  - reason: because\n"));

    [Fact]
    public void Ignore_with_an_impossible_date() =>
        Assert.Equal("5:12: 'until' is a date written YYYY-MM-DD (the last day the ignore applies); found '2027-02-30'.",
            SingleError("ignores:\n  - rule: VL2001\n    files: [a.xml]\n    reason: vendor dump\n    until: 2027-02-30\n"));

    [Fact]
    public void Ignore_of_an_unknown_rule() =>
        Assert.Equal("2:11: Unknown rule 'VL2010'; did you mean 'VL2001'?", SingleError("ignores:\n  - rule: VL2010\n    files: [a.xml]\n    reason: vendor dump\n"));

    [Fact]
    public void Unknown_preset_suggests_a_preset() =>
        Assert.Equal("1:11: Unknown preset 'strcit'; did you mean 'strict'? The presets are recommended, strict, security, performance, migration, all; a config file to extend is written as a path ('../.virtlint.yaml').",
            SingleError("extends: [strcit]\n"));

    [Fact]
    public void Extends_paths_resolve_against_the_config_directory()
    {
        var file = Parse("extends: [security, ../base.yaml]\n", out var errors);
        Assert.Empty(errors);
        Assert.Equal("security", file!.Extends![0].Preset!.Name);
        Assert.Equal(System.IO.Path.GetFullPath("/base.yaml"), file.Extends[1].ConfigPath);
    }

    [Fact]
    public void Override_keys_are_checked() =>
        Assert.Equal(["2:5: This override has no 'files'; say which files its rules apply to.", "2:5: Unknown key 'file' in an override; did you mean 'files'? The keys are files, rules."],
            Errors("overrides:\n  - file: [a.xml]\n    rules: { VL1001: off }\n"));

    [Fact]
    public void Wrong_shapes_are_named()
    {
        Assert.Equal("1:1: A configuration file is a mapping of keys such as 'extends' and 'rules'; found a list.", SingleError("- rules\n"));
        Assert.Equal("1:8: 'rules' is a mapping from a rule, 'tag:NAME' or 'category:NAME' to a level; found a list.", SingleError("rules: [VL1001]\n"));
        Assert.Equal("1:12: 'overrides' is a list of {files, rules}; found a mapping.", SingleError("overrides: { files: a }\n"));
    }

    [Fact]
    public void Invalid_yaml_is_located()
    {
        Assert.Null(Parse("rules:\n  VL1001: off\n VL1003: error\n", out var errors));
        var error = Assert.Single(errors);
        Assert.Equal((3, 2), (error.Line, error.Column));
        Assert.StartsWith("Invalid YAML: ", error.Message);
        Assert.DoesNotContain("(Line:", error.Message);
    }

    [Fact]
    public void Duplicate_keys_are_refused() =>
        Assert.Equal("3:3: The key 'VL1001' appears twice in the same mapping; keep one.", SingleError("rules:\n  VL1001: off\n  VL1001: error\n"));

    [Fact]
    public void Anchors_and_aliases_are_refused()
    {
        Assert.Equal("1:10: YAML anchors ('&buses') are not supported in a configuration file.", SingleError("include: &buses [a]\nexclude: *buses\n"));
    }

    [Fact]
    public void Several_errors_are_all_reported_in_order() =>
        Assert.Equal(
            ["1:10: 'fail-on' is one of error, warning, note, none; found 'never'.", "3:3: Unknown rule 'VL9999'.", "4:11: The level is one of off, note, warning, error; found 'loud'."],
            Errors("fail-on: never\nrules:\n  VL9999: off\n  VL1003: loud\n"));

    private static List<string> Errors(string yaml)
    {
        Assert.Null(Parse(yaml, out var errors));
        errors.Sort(ConfigError.Compare);
        return errors.Select(e => $"{e.Line}:{e.Column}: {e.Message}").ToList();
    }
}
