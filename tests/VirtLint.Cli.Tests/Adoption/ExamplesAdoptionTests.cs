using System.Text.Json;
using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests.Adoption;

/// <summary>
/// examples/ as README.md shows it: its .virtlint.yaml, a metadata suppression, a comment suppression, a config ignore and
/// the committed baseline each hide exactly the finding they were written for, and the run still fails on the rest.
/// </summary>
public sealed class ExamplesAdoptionTests
{
    [Fact]
    public void Check_with_the_committed_baseline_hides_only_what_each_carrier_and_the_baseline_accept()
    {
        using var workspace = new Workspace();

        var result = workspace.Run(
            ["check", "examples/", "--baseline", "examples/.virtlint-baseline.json", "-f", "json"], "",
            catalog: BuiltInRules.Catalog, currentDirectory: RepositoryPaths.Root);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(
            (14, 23, 6, 5, 12, 3, 3),
            (summary.GetProperty("files").GetInt32(), summary.GetProperty("findings").GetInt32(), summary.GetProperty("errors").GetInt32(),
                summary.GetProperty("warnings").GetInt32(), summary.GetProperty("notes").GetInt32(), summary.GetProperty("suppressed").GetInt32(),
                summary.GetProperty("baselined").GetInt32()));

        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var suppressed = findings
            .Where(f => f.TryGetProperty("suppressed", out _))
            .Select(f => (By: f.GetProperty("suppressed").GetProperty("by").GetString(), Rule: f.GetProperty("ruleId").GetString(), Path: f.GetProperty("path").GetString(), Line: f.GetProperty("line").GetInt32()))
            .ToList();
        Assert.Equal(
            [
                ("comment", "VL1003", "examples/domains/db01.xml", 45),
                ("metadata", "VL1026", "examples/domains/files01.xml", 49),
                ("config", "VL2001", "examples/storage/pools/isos.xml", 12),
            ],
            suppressed);

        var baselined = findings
            .Where(f => f.TryGetProperty("baselined", out var b) && b.GetBoolean())
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), Path: f.GetProperty("path").GetString(), Line: f.GetProperty("line").GetInt32()))
            .ToList();
        Assert.Equal(
            [
                ("VL1001", "examples/domains/erp-win2012.xml", 48),
                ("VL1001", "examples/domains/erp-win2012.xml", 54),
                ("VL1201", "examples/domains/erp-win2012.xml", 74),
            ],
            baselined);

        // The configuration's per-rule severity and legacy override are in force too.
        var vnc = findings.Single(f => f.GetProperty("ruleId").GetString() == "VL1202");
        Assert.Equal("error", vnc.GetProperty("severity").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("ruleId").GetString() == "VL1218" && f.GetProperty("path").GetString() == "examples/domains/erp-win2012.xml");
        Assert.Equal(23 + 6, findings.Count);
    }

    [Fact]
    public void Check_without_the_baseline_still_fails_on_the_examples_with_a_summary()
    {
        using var workspace = new Workspace();

        var result = workspace.Run(["check", "examples/"], "", catalog: BuiltInRules.Catalog, currentDirectory: RepositoryPaths.Root);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("Checked 14 files: 6 errors, 8 warnings, 12 notes (3 suppressed).", result.Stdout.Split('\n'));
    }
}
