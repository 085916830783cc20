using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>The <c>scope</c> field: where a domain rule applies, checked against libvirt's names with located, suggesting errors.</summary>
public sealed class ScopeParserTests
{
    private const string Rule = """
        id: VL1001
        name: disk-bus-not-virtio
        title: Disk uses an emulated bus
        severity: warning
        category: performance
        target: domain
        scope:
          hypervisors: [kvm, qemu, hvf]
          arch: [x86_64, i686]
          machines: [pc, q35]
        check:
          context: devices/disk/target
          report: "@bus = 'ide'"
        message: "Disk '{@dev}' uses 'ide'."
        docs:
          what-it-does: What.
          why-is-this-bad: Why. It is a warning because it costs performance.
          example: <a/>
          use-instead: <b/>
        """;

    private static RuleDiagnostic SingleError(string text) => Assert.Single(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", text).Diagnostics);

    [Fact]
    public void A_scope_lists_types_architectures_and_machine_families()
    {
        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule);
        Assert.Empty(result.Diagnostics);
        var scope = result.Rule!.Scope!;
        Assert.Equal(["kvm", "qemu", "hvf"], scope.Hypervisors);
        Assert.Equal(["x86_64", "i686"], scope.Architectures);
        Assert.Equal(["pc", "q35"], scope.Machines);
        Assert.False(scope.IsAny);
    }

    [Fact]
    public void Any_and_missing_keys_restrict_nothing()
    {
        var text = Rule.Replace("  hypervisors: [kvm, qemu, hvf]\n  arch: [x86_64, i686]\n  machines: [pc, q35]", "  hypervisors: any");
        var scope = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", text).Rule!.Scope!;
        Assert.True(scope.IsAny);
        Assert.Empty(scope.Hypervisors);
    }

    [Fact]
    public void A_rule_without_scope_has_none()
    {
        var text = Rule.Replace("scope:\n  hypervisors: [kvm, qemu, hvf]\n  arch: [x86_64, i686]\n  machines: [pc, q35]\n", "");
        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", text);
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Rule!.Scope);
    }

    [Theory]
    [InlineData("hypervisors: [kvm, qemu, hvf]", "hypervisors: [kvm, qmeu, hvf]", "unknown hypervisor 'qmeu' in scope.hypervisors; did you mean 'qemu'?", 8, 22)]
    [InlineData("arch: [x86_64, i686]", "arch: [x86-64, i686]", "unknown architecture 'x86-64' in scope.arch; did you mean 'x86_64'?", 9, 10)]
    [InlineData("machines: [pc, q35]", "machines: [pc, q53]", "unknown machine family 'q53' in scope.machines; did you mean 'q35'?", 10, 18)]
    [InlineData("machines: [pc, q35]", "machines: [pc, pc-q35-8.2]", "unknown machine family 'pc-q35-8.2' in scope.machines (known: pc, q35, virt, pseries, s390-ccw-virtio)", 10, 18)]
    [InlineData("machines: [pc, q35]", "machines: [pc, pc]", "machine family 'pc' appears twice in scope.machines", 10, 18)]
    [InlineData("machines: [pc, q35]", "machines: []", "'scope.machines' must be a non-empty list of machine family names, or 'any'", 10, 13)]
    [InlineData("arch: [x86_64, i686]", "arch: x86_64", "'scope.arch' must be a non-empty list of architecture names, or 'any'", 9, 9)]
    [InlineData("arch: [x86_64, i686]", "archs: [x86_64]", "unknown field 'archs' in scope; did you mean 'arch'?", 9, 3)]
    [InlineData("  hypervisors: [kvm, qemu, hvf]\n", "", "missing required field 'scope.hypervisors' (a list of domain types, or 'any')", 8, 3)]
    public void Scope_mistakes_are_located_errors(string from, string to, string message, int line, int column)
    {
        var diagnostic = SingleError(Rule.Replace(from, to));
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal((line, column), (diagnostic.Range.Line, diagnostic.Range.Column));
    }

    [Fact]
    public void Only_domain_rules_take_a_scope()
    {
        var text = Rule.Replace("id: VL1001", "id: VL2001").Replace("target: domain", "target: pool").Replace("devices/disk/target", "target/path").Replace("@bus = 'ide'", "true()").Replace("{@dev}", "{name}");
        var diagnostic = Assert.Single(RuleFileParser.Parse("rules/pool/disk-bus-not-virtio.yaml", text).Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidValue, diagnostic.Id);
        Assert.Equal("'scope' applies to domain rules only, not to target 'pool'", diagnostic.Message);
        Assert.Equal((7, 1), (diagnostic.Range.Line, diagnostic.Range.Column));
    }

    [Fact]
    public void The_vocabulary_holds_libvirts_names()
    {
        Assert.Contains("bhyve", ScopeVocabulary.Hypervisors);
        Assert.Contains("hvf", ScopeVocabulary.Hypervisors);
        Assert.DoesNotContain("none", ScopeVocabulary.Hypervisors);
        Assert.Contains("aarch64", ScopeVocabulary.Architectures);
        Assert.Equal(["pc", "q35", "virt", "pseries", "s390-ccw-virtio"], ScopeVocabulary.MachineFamilies);
    }
}
