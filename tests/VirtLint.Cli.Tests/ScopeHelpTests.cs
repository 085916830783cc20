using System.Text.Json;
using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests;

/// <summary>A domain rule's scope is part of its help: <c>virtlint explain</c> and SARIF <c>help</c> show it.</summary>
public sealed class ScopeHelpTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Explain_shows_the_scope_after_what_it_does()
    {
        var result = _workspace.Run(["explain", "VL1009"], "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        var scope = Array.IndexOf(lines, "Scope");
        Assert.True(scope > Array.IndexOf(lines, "What it does") && scope < Array.IndexOf(lines, "Why is this bad?"), result.Stdout);
        Assert.Equal("  Domains of type `kvm`, `qemu` or `hvf`.", lines[scope + 1]);
    }

    [Fact]
    public void Explain_of_a_pool_rule_has_no_scope()
    {
        var result = _workspace.Run(["explain", "VL2001"], "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.DoesNotContain("Scope", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_help_carries_the_scope()
    {
        _workspace.Write("vm.xml", "<domain type='kvm'><devices><disk><source file='/a.img'/><target dev='vda' bus='ide'/></disk></devices></domain>\n");

        var result = _workspace.Run(["check", "vm.xml", "--format", "sarif", "--fail-on", "none"], "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var rule = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "VL1218");
        var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
        Assert.Contains("## Scope\n\nDomains of type `kvm`, `qemu` or `hvf` with machine family `pc`, `q35`, `virt`, `pseries` or `s390-ccw-virtio`.", markdown, StringComparison.Ordinal);
        Assert.Contains("Scope", rule.GetProperty("help").GetProperty("text").GetString()!, StringComparison.Ordinal);
    }
}
