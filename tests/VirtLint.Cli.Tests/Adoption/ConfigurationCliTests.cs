using System.Text.Json;
using static VirtLint.Cli.Tests.Adoption.AdoptionWorkspace;

namespace VirtLint.Cli.Tests.Adoption;

public sealed class ConfigurationCliTests : IDisposable
{
    private readonly AdoptionWorkspace _workspace = new();

    public ConfigurationCliTests() => _workspace.Write("vm.xml", Domain);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Config_errors_are_located_with_a_did_you_mean_and_nothing_is_linted()
    {
        _workspace.Write(".virtlint.yaml", "rules:\n  disk-bus-not-virtoi: off\nrulez: {}\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "concise");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(
            "virtlint: error: .virtlint.yaml:2:3: Unknown rule 'disk-bus-not-virtoi'; did you mean 'disk-bus-not-virtio'?\n" +
            "virtlint: error: .virtlint.yaml:3:1: Unknown key 'rulez' in a configuration file; did you mean 'rules'? The keys are extends, include, exclude, fail-on, rules, overrides, ignores.\n",
            result.Stderr);
    }

    [Fact]
    public void A_mistyped_parameter_on_the_command_line_is_a_usage_error()
    {
        var result = _workspace.Run("check", "vm.xml", "--param", "disk-bus-not-virtio.emulated-bus=sata");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--param 'disk-bus-not-virtio.emulated-bus=sata': VL1001 disk-bus-not-virtio has no parameter 'emulated-bus'", result.Stderr);
        Assert.Contains("'emulated-buses'", result.Stderr);
    }

    [Fact]
    public void A_file_gets_the_same_findings_from_the_repository_root_and_from_its_own_directory()
    {
        _workspace.Write(".virtlint.yaml", "fail-on: error\nrules:\n  VL1001: error\n  category:security: off\n");
        _workspace.Write("vms/vm.xml", Domain);

        var fromRoot = _workspace.Run("check", "vms/vm.xml", "-f", "concise");
        var fromSubdirectory = _workspace.RunIn("vms", "check", "vm.xml", "-f", "concise");

        Assert.Equal(ExitCodes.Findings, fromRoot.ExitCode);
        Assert.Equal(fromRoot.ExitCode, fromSubdirectory.ExitCode);
        Assert.Equal(fromRoot.Stdout.Replace("vms/vm.xml", "vm.xml", StringComparison.Ordinal), fromSubdirectory.Stdout);
        Assert.Contains($"vm.xml:11:25: error {IdeBus}", Findings(fromSubdirectory));
        Assert.DoesNotContain(Findings(fromSubdirectory), l => l.Contains("VL1202", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[]> PresetCases => new()
    {
        { "recommended", [$"vm.xml:1:1: {CpuModel}", $"vm.xml:5:25: note {MachineType}", $"vm.xml:7:3: note {GuestAgent}", $"vm.xml:7:3: note {Rng}", $"vm.xml:11:25: warning {IdeBus}", $"vm.xml:13:51: warning {VncOpen}"] },
        { "all", [$"vm.xml:1:1: {CpuModel}", $"vm.xml:5:25: note {MachineType}", $"vm.xml:7:3: note {GuestAgent}", $"vm.xml:7:3: note {Rng}", $"vm.xml:11:25: warning {IdeBus}", $"vm.xml:13:51: warning {VncOpen}"] },
        { "strict", [$"vm.xml:1:1: {CpuModel}", $"vm.xml:5:25: warning {MachineType}", $"vm.xml:7:3: warning {GuestAgent}", $"vm.xml:7:3: warning {Rng}", $"vm.xml:11:25: warning {IdeBus}", $"vm.xml:13:51: warning {VncOpen}"] },
        { "security", [$"vm.xml:13:51: warning {VncOpen}"] },
        { "performance", [$"vm.xml:1:1: {CpuModel}", $"vm.xml:11:25: warning {IdeBus}"] },
        { "migration", [$"vm.xml:5:25: note {MachineType}"] },
    };

    [Theory]
    [MemberData(nameof(PresetCases))]
    public void Each_preset_turns_on_its_rules_at_its_severities(string preset, string[] expected)
    {
        _workspace.Write(".virtlint.yaml", $"extends: [{preset}]\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "concise");

        Assert.Equal(expected, Findings(result));
    }

    [Fact]
    public void Rules_preset_lists_what_the_preset_turns_on_and_at_which_severity()
    {
        var result = _workspace.Run("rules", "--preset", "strict");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Matches(@"^VL1218  machine-type-outdated\s+warning\s+migration", lines.Single(l => l.StartsWith("VL1218", StringComparison.Ordinal)));
        var security = _workspace.Run("rules", "--preset", "security").Stdout;
        Assert.Contains("VL1202", security);
        Assert.DoesNotContain("VL1001", security);
        Assert.Contains("VL0001", security); // the engine's document rules are on in every preset
    }

    [Fact]
    public void Per_rule_severity_from_the_config_and_the_command_line_changes_the_finding_and_the_exit_code()
    {
        _workspace.Write(".virtlint.yaml", "rules:\n  disk-bus-not-virtio: error\n  tag:vnc: note\n  VL1103: off\n");

        var configured = _workspace.Run("check", "vm.xml", "-f", "concise", "--fail-on", "error");
        Assert.Equal(ExitCodes.Findings, configured.ExitCode);
        Assert.Contains($"vm.xml:11:25: error {IdeBus}", Findings(configured));
        Assert.DoesNotContain(Findings(configured), l => l.Contains("VL1103", StringComparison.Ordinal));

        // The command line comes last: it wins over the config.
        var overridden = _workspace.Run("check", "vm.xml", "-f", "concise", "--fail-on", "error", "--severity", "VL1001=warning", "--severity", "VL1202=warning");
        Assert.Equal(ExitCodes.Clean, overridden.ExitCode);
        Assert.Contains($"vm.xml:11:25: warning {IdeBus}", Findings(overridden));
    }

    [Fact]
    public void Typed_parameters_from_the_config_and_the_command_line_change_a_real_finding()
    {
        _workspace.Write(".virtlint.yaml", "rules:\n  disk-bus-not-virtio:\n    params: { emulated-buses: [sata, usb] }\n");

        var configured = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001");
        Assert.Equal(ExitCodes.Clean, configured.ExitCode);
        Assert.Empty(Findings(configured));

        var overridden = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001", "--param", "disk-bus-not-virtio.emulated-buses=ide");
        Assert.Equal(ExitCodes.Findings, overridden.ExitCode);
        Assert.Equal([$"vm.xml:11:25: warning {IdeBus}"], Findings(overridden));
    }

    [Fact]
    public void Fail_on_comes_from_the_config_unless_given_on_the_command_line()
    {
        _workspace.Write(".virtlint.yaml", "fail-on: error\n");

        Assert.Equal(ExitCodes.Clean, _workspace.Run("check", "vm.xml").ExitCode);
        Assert.Equal(ExitCodes.Findings, _workspace.Run("check", "vm.xml", "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void Isolated_ignores_the_config_file()
    {
        _workspace.Write(".virtlint.yaml", "rules:\n  VL1001: off\n");

        Assert.DoesNotContain(Findings(_workspace.Run("check", "vm.xml", "-f", "concise")), l => l.Contains("VL1001", StringComparison.Ordinal));
        Assert.Contains($"vm.xml:11:25: warning {IdeBus}", Findings(_workspace.Run("check", "vm.xml", "-f", "concise", "--isolated")));
    }

    [Fact]
    public void An_explicit_config_governs_every_input()
    {
        _workspace.Write("vms/.virtlint.yaml", "rules:\n  VL1001: error\n");
        _workspace.Write("shared.yaml", "rules:\n  VL1001: off\n");
        _workspace.Write("vms/vm.xml", Domain);

        var result = _workspace.Run("check", "vms", "-f", "concise", "--config", "shared.yaml");

        Assert.DoesNotContain(Findings(result), l => l.Contains("VL1001", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_files_lists_what_include_exclude_and_gitignore_leave()
    {
        _workspace.Write(".virtlint.yaml", "include: [\"vms/**/*.xml\"]\nexclude: [\"vms/archive/**\"]\n");
        _workspace.Write(".gitignore", "generated/\n");
        _workspace.Write("vms/a.xml", Domain);
        _workspace.Write("vms/archive/old.xml", Domain);
        _workspace.Write("vms/generated/dump.xml", Domain);
        _workspace.Write("vms/sub/b.xml", Domain);

        var result = _workspace.Run("check", "--show-files");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("vms/a.xml\nvms/sub/b.xml\n", result.Stdout);
        Assert.Equal("vm.xml\nvms/a.xml\nvms/generated/dump.xml\nvms/sub/b.xml\n", _workspace.Run("check", "--show-files", "--isolated", "--no-gitignore").Stdout.Replace("vms/archive/old.xml\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Sarif_levels_follow_the_effective_severity()
    {
        var result = _workspace.Run("check", "vm.xml", "-f", "sarif", "--severity", "VL1001=error", "--severity", "VL1002=error");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal("error", rules["VL1001"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("error", rules["VL1002"].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var ide = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "VL1001");
        Assert.Equal("error", ide.GetProperty("level").GetString());
    }

    [Fact]
    public void Config_schema_prints_the_committed_schema_and_config_show_the_effective_configuration()
    {
        var schema = _workspace.Run("config", "schema");
        Assert.Equal(ExitCodes.Clean, schema.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "virtlint-config.schema.json")), schema.Stdout);

        _workspace.Write(".virtlint.yaml", "fail-on: error\nrules:\n  VL1001: note\n");
        var show = _workspace.Run("config", "show", "vm.xml");
        Assert.Equal(ExitCodes.Clean, show.ExitCode);
        using var json = JsonDocument.Parse(show.Stdout);
        Assert.Equal("error", json.RootElement.GetProperty("fail-on").GetString());
        Assert.Equal("note", json.RootElement.GetProperty("rules").GetProperty("VL1001").GetProperty("severity").GetString());
        Assert.Equal(_workspace.PathOf(".virtlint.yaml"), json.RootElement.GetProperty("sources")[0].GetString());
    }

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "VirtLint.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}
