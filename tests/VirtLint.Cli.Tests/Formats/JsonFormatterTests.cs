using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class JsonFormatterTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Report_lists_every_field_of_each_finding_then_the_summary()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "web.xml", "--format", "json");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("""
            {
              "findings": [
                {
                  "ruleId": "VL1001",
                  "name": "disk-bus-not-virtio",
                  "severity": "warning",
                  "message": "Disk 'vda' uses bus 'ide'; use 'virtio'.",
                  "path": "web.xml",
                  "line": 5,
                  "column": 25,
                  "endLine": 5,
                  "endColumn": 34
                }
              ],
              "summary": {
                "files": 1,
                "findings": 1,
                "errors": 0,
                "warnings": 1,
                "notes": 0,
                "suppressed": 0,
                "baselined": 0
              }
            }

            """, result.Stdout);
    }

    [Fact]
    public void Clean_report_has_an_empty_findings_array()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var result = _workspace.Run("check", "web.xml", "--format", "json");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("""
            {
              "findings": [],
              "summary": {
                "files": 1,
                "findings": 0,
                "errors": 0,
                "warnings": 0,
                "notes": 0,
                "suppressed": 0,
                "baselined": 0
              }
            }

            """, result.Stdout);
    }

    [Fact]
    public void Findings_are_ordered_by_path_then_line_and_counted_by_severity()
    {
        _workspace.Write("b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("a.xml", Fixtures.LocalClock);

        var result = _workspace.Run(["check", "a.xml", "b.xml", "-", "--format", "json"], stdin: Fixtures.IdeDisk);

        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((3, 3, 1, 1, 1), (
            summary.GetProperty("files").GetInt32(), summary.GetProperty("findings").GetInt32(), summary.GetProperty("errors").GetInt32(),
            summary.GetProperty("warnings").GetInt32(), summary.GetProperty("notes").GetInt32()));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()} {f.GetProperty("ruleId").GetString()} {f.GetProperty("severity").GetString()}")
            .ToArray();
        Assert.Equal(["<stdin>:5:25 VL1001 warning", "a.xml:3:10 VL1003 note", "b.xml:4:26 VL1002 error"], findings);
    }

    [Fact]
    public void Stdin_filename_is_the_path_in_every_report_and_round_trips_exactly_with_backslashes_and_control_characters()
    {
        const string Name = "vms\\web\u001b01.xml";

        var json = _workspace.Run(["check", "-", "--stdin-filename", Name, "--format", "json"], stdin: Fixtures.IdeDisk);
        var text = _workspace.Run(["check", "-", "--stdin-filename", Name, "-f", "concise"], stdin: Fixtures.IdeDisk);

        Assert.Contains("\"path\": \"vms\\\\web\\u001B01.xml\"", json.Stdout, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json.Stdout);
        Assert.Equal(Name, document.RootElement.GetProperty("findings")[0].GetProperty("path").GetString());
        Assert.StartsWith("vms\\web\\x1b01.xml:5:25: warning VL1001 ", text.Stdout, StringComparison.Ordinal);
    }
}
