using System.Text.Json;
using System.Xml.Linq;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

/// <summary>-f FORMAT[=PATH] (repeatable), --output, and the summary on stderr when stdout is not the human report.</summary>
public sealed class OutputOptionsTests : IDisposable
{
    private const string Summary = "Checked 1 file: 1 warning. Failed by 1 rule: VL1001 disk-bus-not-virtio (1).";

    private readonly Workspace _workspace = new();

    public OutputOptionsTests() => _workspace.Write("web.xml", Fixtures.IdeDisk);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Several_formats_go_to_their_files_and_one_to_stdout()
    {
        Directory.CreateDirectory(_workspace.PathOf("reports"));

        var result = _workspace.Run("check", "web.xml", "-f", "sarif=reports/virtlint.sarif", "-f", "json=reports/virtlint.json", "-f", "junit=reports/junit.xml", "-f", "concise");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("web.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.\nChecked 1 file: 1 warning.\nFailed by 1 rule: VL1001 disk-bus-not-virtio (1).\n", result.Stdout);
        Assert.Equal("", result.Stderr);
        using var sarif = JsonDocument.Parse(_workspace.Read("reports/virtlint.sarif"));
        Assert.Equal(1, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        using var json = JsonDocument.Parse(_workspace.Read("reports/virtlint.json"));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal("1", (string?)XDocument.Parse(_workspace.Read("reports/junit.xml")).Root!.Attribute("failures"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("gitlab")]
    [InlineData("checkstyle")]
    [InlineData("rdjsonl")]
    public void A_machine_format_on_stdout_comes_with_a_one_line_summary_on_stderr(string format)
    {
        var result = _workspace.Run("check", "web.xml", "-f", format);

        Assert.NotEqual("", result.Stdout);
        Assert.DoesNotContain("Checked", result.Stdout, StringComparison.Ordinal);
        Assert.Equal($"virtlint: {Summary}\n", result.Stderr);
    }

    [Fact]
    public void With_every_report_in_files_stdout_stays_empty_and_stderr_says_why_the_run_failed()
    {
        var result = _workspace.Run("check", "web.xml", "-f", "sarif=virtlint.sarif", "-f", "github=annotations.txt");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"virtlint: {Summary}\n", result.Stderr);
        Assert.StartsWith("::warning file=web.xml,", _workspace.Read("annotations.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_the_file_of_the_one_format_without_its_own()
    {
        var result = _workspace.Run("check", "web.xml", "-f", "sarif=virtlint.sarif", "-f", "json", "--output", "report.json");

        Assert.Equal("", result.Stdout);
        using var json = JsonDocument.Parse(_workspace.Read("report.json"));
        Assert.True(File.Exists(_workspace.PathOf("virtlint.sarif")));
    }

    [Theory]
    [InlineData("--output", "-")]
    [InlineData("-f", "json=-")]
    public void Dash_means_standard_output_not_a_file_named_dash(string option, string value)
    {
        var result = _workspace.Run(["check", "web.xml", "-f", option == "-f" ? "sarif=r.sarif" : "json", option, value], "");

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
        Assert.False(File.Exists(_workspace.PathOf("-")));
    }

    [Theory]
    [InlineData("two formats on stdout", "-f", "json", "-f", "sarif")]
    [InlineData("explicit and implicit stdout", "-f", "json=-", "-f", "text")]
    [InlineData("output with two pathless formats", "-f", "json", "-f", "sarif", "--output", "r.json")]
    [InlineData("output with no pathless format", "-f", "json=r.json", "--output", "s.json")]
    [InlineData("unknown format", "-f", "xml=r.xml")]
    [InlineData("empty path", "-f", "sarif=")]
    [InlineData("same file twice", "-f", "json=r.out", "-f", "sarif=r.out")]
    public void Conflicting_or_malformed_outputs_are_usage_errors_and_nothing_is_written(string why, params string[] options)
    {
        var result = _workspace.Run(["check", "web.xml", "-f", "junit=junit.out", .. options], "");

        Assert.True(result.ExitCode == ExitCodes.UsageOrInputError, why);
        Assert.StartsWith("virtlint: error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Equal(["web.xml"], Directory.GetFiles(_workspace.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Statistics_follow_the_human_report_or_go_to_stderr()
    {
        _workspace.Write("more.xml", Sarif.SarifResultCapTests.Domain(disks: 2));
        _workspace.Write("clock.xml", Fixtures.LocalClock);
        const string Table = "count  rule    severity  name\n    3  VL1001  warning   disk-bus-not-virtio\n    1  VL1003  note      clock-offset-localtime\n";

        var text = _workspace.Run("check", ".", "-f", "concise", "--statistics");
        var json = _workspace.Run("check", ".", "-f", "json", "--statistics");

        Assert.Contains("\n" + Table + "Checked 3 files: 3 warnings, 1 note.\n", text.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(Table + "virtlint: Checked 3 files", json.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("count", json.Stdout, StringComparison.Ordinal);
    }
}
