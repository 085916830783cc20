using System.Text;
using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>GitHub displays 5,000 results of a run and rejects more than 25,000: SARIF keeps the most severe.</summary>
public sealed class SarifResultCapTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Cap_keeps_the_most_severe_results_and_says_what_was_dropped()
    {
        _workspace.Write("a-ide.xml", Domain(disks: 4));
        _workspace.Write("b-vnc.xml", Fixtures.VncAnyInterface);
        _workspace.Write("c-clock.xml", Fixtures.LocalClock);

        var result = _workspace.Run("check", ".", "--format", "sarif", "--sarif-max-results", "3");

        // 1 error, 4 warnings, 1 note: the error and the first two warnings (in report order) stay.
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(
            ["a-ide.xml:4 VL1001", "a-ide.xml:5 VL1001", "b-vnc.xml:4 VL1002"],
            run.GetProperty("results").EnumerateArray().Select(r =>
                $"{r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()}:" +
                $"{r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()} " +
                r.GetProperty("ruleId").GetString()));

        const string Message = "Kept the 3 most severe of 6 results and dropped 3 (2 warnings, 1 note): GitHub code scanning displays at most 5,000 " +
                               "results per run and rejects more than 25,000. Raise --sarif-max-results or lint fewer files.";
        var notification = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("warning", notification.GetProperty("level").GetString());
        Assert.Equal(Message, notification.GetProperty("message").GetProperty("text").GetString());
        Assert.StartsWith($"virtlint: warning: SARIF: {Message}\n", result.Stderr);
        Assert.Empty((await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema)).Validate(result.Stdout));
    }

    [Fact]
    public void Default_cap_is_5000_and_0_lifts_it()
    {
        _workspace.Write("many.xml", Domain(disks: 5003));

        var capped = _workspace.Run("check", "many.xml", "--format", "sarif");
        var unlimited = _workspace.Run("check", "many.xml", "--format", "sarif", "--sarif-max-results", "0");

        Assert.Equal(5000, Results(capped.Stdout));
        Assert.Contains("Kept the 5,000 most severe of 5,003 results and dropped 3 (3 warnings)", capped.Stderr, StringComparison.Ordinal);
        Assert.Equal(5003, Results(unlimited.Stdout));
        Assert.DoesNotContain("Kept", unlimited.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_the_cap_nothing_is_dropped_or_said()
    {
        _workspace.Write("a.xml", Domain(disks: 2));

        var result = _workspace.Run("check", "a.xml", "--format", "sarif", "--sarif-max-results", "2");

        Assert.Equal(2, Results(result.Stdout));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out _));
        Assert.DoesNotContain("virtlint: warning:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    public void Cap_must_be_a_whole_number(string value)
    {
        var result = _workspace.Run("check", ".", "--format", "sarif", "--sarif-max-results", value);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    private static int Results(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength();
    }

    /// <summary>A domain whose disks are all on the IDE bus, one per line from line 4: one VL1001 warning each.</summary>
    internal static string Domain(int disks)
    {
        var xml = new StringBuilder("<domain type='kvm'>\n  <name>many</name>\n  <devices>\n");
        for (var i = 0; i < disks; i++) xml.Append("    <disk type='file' device='disk'><target dev='hd").Append(i).Append("' bus='ide'/></disk>\n");
        return xml.Append("  </devices>\n</domain>\n").ToString();
    }
}
