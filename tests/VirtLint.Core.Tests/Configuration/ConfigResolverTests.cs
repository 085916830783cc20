using VirtLint.Core.Configuration;
using static VirtLint.Core.Tests.Configuration.ConfigTestCatalog;

namespace VirtLint.Core.Tests.Configuration;

public sealed class ConfigResolverTests
{
    private static ConfigResolver Resolver(ConfigResolverOptions? options = null) => new(Lookup, options);

    private static string Levels(EffectiveConfig config) =>
        string.Join(" ", config.AllRules().Select(r => $"{r.Rule.Id}={(r.Configuration.Enabled ? r.Configuration.Severity.ToName() : "off")}"));

    private const string Defaults = "VL0001=error VL0002=note VL1001=warning VL1003=warning VL1007=note VL1201=warning VL1202=error VL1213=note VL2001=warning";

    [Fact]
    public void Without_a_config_every_rule_runs_at_its_default()
    {
        using var tree = new TempTree();
        var config = Resolver().For(tree.Write("vms/web01.xml", "<domain/>"));
        Assert.Equal(Defaults, Levels(config));
        Assert.Equal(FailLevel.Warning, config.FailOn);
        Assert.Empty(config.Sources);
        Assert.Empty(config.Ignores);
    }

    [Fact]
    public void The_nearest_config_up_to_the_git_root_is_used_whatever_the_working_directory()
    {
        using var tree = new TempTree();
        var configPath = tree.Write(".virtlint.yaml", "rules:\n  VL1003: error\n");
        var file = tree.Write("vms/prod/eu/web01.xml", "<domain/>");

        var fromRoot = Resolver().For(file);
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = tree.Path("vms/prod");
            var fromSubdirectory = Resolver().For(System.IO.Path.Combine("eu", "web01.xml"));
            Assert.Equal(Levels(fromRoot), Levels(fromSubdirectory));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Assert.Equal(Severity.Error, fromRoot.SeverityOf(DiskCache));
        Assert.Equal([configPath], fromRoot.Sources);
    }

    [Fact]
    public void Discovery_stops_at_the_git_root()
    {
        using var outer = new TempTree(gitRoot: false);
        outer.Write(".virtlint.yaml", "rules:\n  VL1003: off\n");
        Directory.CreateDirectory(outer.Path("repo/.git"));
        var file = outer.Write("repo/vms/web01.xml", "<domain/>");
        Assert.Equal(Defaults, Levels(Resolver().For(file)));

        // A worktree's .git is a file; it marks the root just the same.
        outer.Write("wt/.git", "gitdir: /elsewhere\n");
        Assert.Equal(Defaults, Levels(Resolver().For(outer.Write("wt/web01.xml", "<domain/>"))));
    }

    [Fact]
    public void A_nearer_config_replaces_a_parent_one_unless_it_extends_it()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "fail-on: error\nrules:\n  VL1003: off\n  VL1201: note\n");
        tree.Write("alone/.virtlint.yml", "rules:\n  VL1201: error\n");
        tree.Write("child/.virtlint.yaml", "extends: [../.virtlint.yaml]\nrules:\n  VL1201: error\n");
        var resolver = Resolver();

        var alone = resolver.For(tree.Write("alone/a.xml", ""));
        Assert.True(alone.IsEnabled(DiskCache));
        Assert.Equal(Severity.Error, alone.SeverityOf(NicModel));
        Assert.Equal(FailLevel.Warning, alone.FailOn);

        var child = resolver.For(tree.Write("child/deeper/b.xml", ""));
        Assert.False(child.IsEnabled(DiskCache));
        Assert.Equal(Severity.Error, child.SeverityOf(NicModel));
        Assert.Equal(FailLevel.Error, child.FailOn);
        Assert.Equal([tree.Path("child/.virtlint.yaml"), tree.Path(".virtlint.yaml")], child.Sources);
    }

    [Fact]
    public void Category_then_tag_then_rule_whatever_their_order_in_the_file()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", """
            rules:
              VL1001: error
              "tag:disk": note
              "category:performance": off
            """);
        var config = Resolver().For(tree.Write("a.xml", ""));
        Assert.Equal(Severity.Error, config.SeverityOf(DiskBus));
        Assert.True(config.IsEnabled(DiskBus));
        Assert.Equal(Severity.Note, config.SeverityOf(DiskCache));
        Assert.True(config.IsEnabled(DiskCache));
        Assert.False(config.IsEnabled(NicModel));
        Assert.Equal(Severity.Note, config.SeverityOf(ThinDiscard));
    }

    [Fact]
    public void Overrides_apply_in_order_to_matching_files_relative_to_the_config()
    {
        using var tree = new TempTree();
        tree.Write("vms/.virtlint.yaml", """
            rules:
              VL1001: error
            overrides:
              - files: ["legacy/windows/**"]
                rules: { VL1001: off, VL1201: off }
              - files: ["legacy/**/w2k8*.xml"]
                rules: { VL1001: note }
            """);
        var resolver = Resolver();
        var modern = resolver.For(tree.Write("vms/web01.xml", ""));
        var windows = resolver.For(tree.Write("vms/legacy/windows/w2k3.xml", ""));
        var w2k8 = resolver.For(tree.Write("vms/legacy/windows/w2k8-sql.xml", ""));
        var outside = resolver.For(tree.Write("vms/other/legacy/windows/x.xml", ""));

        Assert.Equal(Severity.Error, modern.SeverityOf(DiskBus));
        Assert.False(windows.IsEnabled(DiskBus));
        Assert.False(windows.IsEnabled(NicModel));
        Assert.True(w2k8.IsEnabled(DiskBus));
        Assert.Equal(Severity.Note, w2k8.SeverityOf(DiskBus));
        Assert.False(w2k8.IsEnabled(NicModel));
        Assert.Equal(Levels(modern), Levels(outside));
    }

    [Theory]
    [InlineData("recommended", Defaults)]
    [InlineData("all", Defaults)]
    [InlineData("strict", "VL0001=error VL0002=warning VL1001=warning VL1003=warning VL1007=warning VL1201=warning VL1202=error VL1213=warning VL2001=warning")]
    [InlineData("security", "VL0001=error VL0002=note VL1001=off VL1003=off VL1007=off VL1201=off VL1202=error VL1213=off VL2001=off")]
    [InlineData("performance", "VL0001=error VL0002=note VL1001=warning VL1003=warning VL1007=off VL1201=warning VL1202=off VL1213=off VL2001=off")]
    [InlineData("migration", "VL0001=error VL0002=note VL1001=off VL1003=off VL1007=off VL1201=off VL1202=off VL1213=note VL2001=off")]
    [InlineData("security, migration", "VL0001=error VL0002=note VL1001=off VL1003=off VL1007=off VL1201=off VL1202=error VL1213=note VL2001=off")]
    public void Presets_turn_on_their_rules_and_combine(string extends, string expected)
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", $"extends: [{extends}]\n");
        Assert.Equal(expected, Levels(Resolver().For(tree.Write("a.xml", ""))));
    }

    [Fact]
    public void A_preset_resolves_to_rules_and_severities_for_listing()
    {
        var strict = ConfigPresets.Find("strict")!.Resolve(Lookup);
        Assert.Equal(Severity.Warning, strict[Lookup.IndexOf(ThinDiscard)]);
        var security = ConfigPresets.Find("security")!.Resolve(Lookup);
        Assert.Null(security[Lookup.IndexOf(DiskBus)]);
        Assert.Equal(Severity.Error, security[Lookup.IndexOf(NotWellFormed)]);
    }

    [Fact]
    public void The_files_own_rules_come_after_its_presets()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "extends: [security]\nrules:\n  VL1001: note\n  VL1202: off\n");
        var config = Resolver().For(tree.Write("a.xml", ""));
        Assert.Equal(Severity.Note, config.SeverityOf(DiskBus));
        Assert.True(config.IsEnabled(DiskBus));
        Assert.False(config.IsEnabled(Vnc));
    }

    [Fact]
    public void Parameters_are_typed_and_merge_from_parent_to_child_to_command_line()
    {
        using var tree = new TempTree();
        tree.Write("base.yaml", "rules:\n  VL2001:\n    params: { nearly-full-ratio: 0.8, max-volumes: 50 }\n");
        tree.Write(".virtlint.yaml", "extends: [./base.yaml]\nrules:\n  VL2001:\n    params: { max-volumes: 20 }\n  VL1201:\n    params: { emulated-models: [e1000] }\n");
        var errors = new List<ConfigError>();
        var commandLine = CommandLineOverrides.Parse(Lookup, null, null, null, ["pool-nearly-full.count-inactive=true", "VL1201.emulated-models=rtl8139, e1000"], null, errors);
        Assert.Empty(errors);

        var config = Resolver(new ConfigResolverOptions { CommandLine = commandLine! }).For(tree.Write("pools/p.xml", ""));
        var pool = config.ParametersOf(PoolFull);
        Assert.Equal(0.8, pool.GetNumber("nearly-full-ratio", 0.9));
        Assert.Equal(20, pool.GetNumber("max-volumes", 100));
        Assert.True(pool.GetBoolean("count-inactive", false));
        Assert.Equal("0711", pool.GetString("max-mode", "0711"));
        Assert.Equal(["rtl8139", "e1000"], config.ParametersOf(NicModel).GetStringList("emulated-models", ["e1000", "e1000e", "rtl8139"]));
        Assert.True(config.ParametersOf(DiskBus).IsEmpty);
    }

    [Fact]
    public void The_command_line_comes_last()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "fail-on: note\nrules:\n  VL1003: off\n  VL1201: error\n");
        var errors = new List<ConfigError>();
        var commandLine = CommandLineOverrides.Parse(Lookup, ["tag:disk,VL1201"], ["VL1007"], ["VL1201=note", "category:performance=error"], null, "error", errors);
        Assert.Empty(errors);
        var config = Resolver(new ConfigResolverOptions { CommandLine = commandLine! }).For(tree.Write("a.xml", ""));

        // --select turned VL1003 back on (the config had it off) at its severity, then --severity raised it.
        Assert.Equal("VL0001=error VL0002=note VL1001=error VL1003=error VL1007=off VL1201=note VL1202=off VL1213=off VL2001=off", Levels(config));
        Assert.Equal(FailLevel.Error, config.FailOn);
    }

    [Fact]
    public void Command_line_errors_are_usage_errors_with_suggestions()
    {
        var errors = new List<ConfigError>();
        Assert.Null(CommandLineOverrides.Parse(Lookup, ["VL1002"], ["tag:disks"], ["VL1003:error", "VL1003=fatal"], ["VL1201.emulated-model=e1000", "VL2001.max-volumes=many", "VL1003=x"], "warnings", errors));
        Assert.All(errors, e => Assert.Null(e.Path));
        Assert.Equal(
            [
                "--select 'VL1002': Unknown rule 'VL1002'; did you mean 'VL1001'?",
                "--ignore 'tag:disks': Unknown tag 'disks'; did you mean 'disk'?",
                "--severity 'VL1003:error': write RULE=LEVEL, e.g. VL1003=error.",
                "--severity 'VL1003=fatal': the level is one of off, note, warning, error.",
                "--param 'VL1201.emulated-model=e1000': VL1201 nic-model-not-virtio has no parameter 'emulated-model'; did you mean 'emulated-models'?",
                "--param 'VL2001.max-volumes=many': Parameter 'max-volumes' of VL2001 pool-nearly-full is an integer; found 'many'.",
                "--param 'VL1003=x': write RULE.NAME=VALUE, e.g. nic-model-not-virtio.emulated-models=e1000,rtl8139.",
                "--fail-on 'warnings': use one of error, warning, note, none; did you mean 'warning'?",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Select_keeps_the_engine_document_rules()
    {
        var errors = new List<ConfigError>();
        var commandLine = CommandLineOverrides.Parse(Lookup, ["VL1001"], null, null, null, null, errors)!;
        using var tree = new TempTree();
        var config = Resolver(new ConfigResolverOptions { CommandLine = commandLine }).For(tree.Write("a.xml", ""));
        Assert.Equal(["VL0001", "VL0002", "VL1001"], config.EnabledRules().Select(r => r.Rule.Id));
    }

    [Fact]
    public void An_explicit_config_governs_every_file_and_isolated_ignores_all()
    {
        using var tree = new TempTree();
        tree.Write("vms/.virtlint.yaml", "rules:\n  VL1003: note\n");
        var shared = tree.Write("ci/lint.yaml", "rules:\n  VL1003: error\noverrides:\n  - files: ['../vms/**']\n    rules: { VL1201: off }\n");
        var file = tree.Write("vms/web01.xml", "");

        var explicitConfig = Resolver(new ConfigResolverOptions { ExplicitConfig = shared }).For(file);
        Assert.Equal(Severity.Error, explicitConfig.SeverityOf(DiskCache));
        Assert.False(explicitConfig.IsEnabled(NicModel));
        Assert.Equal([shared], explicitConfig.Sources);

        Assert.Equal(Defaults, Levels(Resolver(new ConfigResolverOptions { Isolated = true }).For(file)));
        Assert.Equal(Severity.Note, Resolver().For(file).SeverityOf(DiskCache));
    }

    [Fact]
    public void Errors_are_located_in_the_file_that_has_them()
    {
        using var tree = new TempTree();
        tree.Write("base.yaml", "rules:\n  VL1003: loud\n");
        tree.Write(".virtlint.yaml", "extends: [base.yaml, ./missing.yaml]\n");
        var e = Assert.Throws<ConfigException>(() => Resolver().For(tree.Write("a.xml", "")));
        Assert.Equal<string>(
            [
                "/.virtlint.yaml:1:22: The configuration file '/missing.yaml' extended here does not exist.",
                "/base.yaml:2:11: The level is one of off, note, warning, error; found 'loud'.",
            ],
            e.Errors.Select(x => x.ToString().Replace(tree.Root, "")).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void An_extends_cycle_is_an_error()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "extends: [./b.yaml]\n");
        tree.Write("b.yaml", "extends: [recommended, ./.virtlint.yaml]\n");
        var e = Assert.Throws<ConfigException>(() => Resolver().For(tree.Write("a.xml", "")));
        var error = Assert.Single(e.Errors);
        Assert.Equal((tree.Path("b.yaml"), 1, 24), (error.Path, error.Line, error.Column));
        Assert.Equal($"'extends' forms a cycle: {tree.Path(".virtlint.yaml")} -> {tree.Path("b.yaml")} -> {tree.Path(".virtlint.yaml")}.", error.Message);
    }

    [Fact]
    public void Two_config_files_in_one_directory_are_an_error()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "");
        tree.Write(".virtlint.yml", "");
        var e = Assert.Throws<ConfigException>(() => Resolver().For(tree.Write("a.xml", "")));
        Assert.Equal($"Both .virtlint.yaml and .virtlint.yml exist in '{tree.Root}'; keep one.", Assert.Single(e.Errors).Message);
    }

    [Fact]
    public void A_broken_config_fails_every_file_it_governs_the_same_way()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "rules: [\n");
        var resolver = Resolver();
        var first = Assert.Throws<ConfigException>(() => resolver.For(tree.Write("a.xml", "")));
        var second = Assert.Throws<ConfigException>(() => resolver.For(tree.Write("sub/b.xml", "")));
        Assert.Equal(first.Errors, second.Errors);
        Assert.Equal(tree.Path(".virtlint.yaml"), Assert.Single(first.Errors).Path);
    }

    [Fact]
    public void Ignores_apply_to_matching_files_relative_to_the_config_that_declares_them()
    {
        using var tree = new TempTree();
        tree.Write("base/.virtlint.yaml", "ignores:\n  - rule: VL2001\n    files: ['pools/*.xml']\n    reason: shared pools are vendor-managed\n");
        tree.Write("site/.virtlint.yaml", "extends: [../base/.virtlint.yaml]\nignores:\n  - rule: VL1003\n    files: ['**/legacy-*.xml']\n    reason: legacy images lack virtio\n    until: 2027-03-31\n");
        var resolver = Resolver();

        var legacy = resolver.For(tree.Write("site/vms/legacy-db.xml", ""));
        var ignore = Assert.Single(legacy.Ignores);
        Assert.Equal(("VL1003", "legacy images lack virtio", new DateOnly(2027, 3, 31)), (ignore.Rule.Id, ignore.Reason, ignore.Until!.Value));
        Assert.Equal((tree.Path("site/.virtlint.yaml"), 3, 5), (ignore.ConfigPath, ignore.Line, ignore.Column));
        Assert.False(ignore.IsExpired(new DateOnly(2027, 3, 31)));
        Assert.True(ignore.IsExpired(new DateOnly(2027, 4, 1)));

        // The parent's glob is relative to the parent's directory, so it names base/pools, not site/pools.
        Assert.Empty(resolver.For(tree.Write("site/pools/isos.xml", "")).Ignores);
        Assert.Equal("VL2001", Assert.Single(resolver.For(tree.Write("base/pools/isos.xml", "")).Ignores).Rule.Id);
    }

    [Fact]
    public void Include_and_exclude_decide_what_a_walk_lints()
    {
        using var tree = new TempTree();
        tree.Write(".virtlint.yaml", "include: ['vms/**/*.xml', 'pools/*.xml']\nexclude: ['vms/archive/**']\n");
        tree.Write("other/.virtlint.yaml", "extends: [../.virtlint.yaml]\n");
        var resolver = Resolver();

        Assert.True(resolver.IsIncluded(tree.Path("vms/prod/web01.xml")));
        Assert.True(resolver.IsIncluded(tree.Path("pools/default.xml")));
        Assert.False(resolver.IsIncluded(tree.Path("vms/archive/old.xml")));
        Assert.False(resolver.IsIncluded(tree.Path("notes/readme.xml")));
        Assert.True(resolver.IsExcludedDirectory(tree.Path("vms/archive")));
        Assert.True(resolver.IsExcludedDirectory(tree.Path("vms/archive/2019")));
        Assert.False(resolver.IsExcludedDirectory(tree.Path("vms")));
        // Inherited globs stay relative to the parent: other/vms/x.xml is not under the parent's vms/.
        Assert.False(resolver.IsIncluded(tree.Path("other/vms/x.xml")));
        Assert.True(Resolver(new ConfigResolverOptions { Isolated = true }).IsIncluded(tree.Path("notes/readme.xml")));
    }
}
