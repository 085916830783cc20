using System.Text.Json;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

/// <summary>A rule can be named by id, by kebab-case name, or by the PascalCase name SARIF viewers show.</summary>
public sealed class RuleNameTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("VL1001")]
    [InlineData("disk-bus-not-virtio")]
    [InlineData("DiskBusNotVirtio")]
    public void Explain_accepts_every_spelling(string name)
    {
        var result = _workspace.Run("explain", name);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.StartsWith("VL1001 disk-bus-not-virtio: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_lists_only_the_rules_named_in_any_spelling()
    {
        var result = _workspace.Run("rules", "VncListensOnAllInterfaces", "clock-offset-localtime", "vl1001", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["VL1001", "VL1002", "VL1003"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Rules_with_an_unknown_name_is_a_usage_error()
    {
        var result = _workspace.Run("rules", "NoSuchRule");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("virtlint: error: unknown rule 'NoSuchRule'\n", result.Stderr);
    }
}
