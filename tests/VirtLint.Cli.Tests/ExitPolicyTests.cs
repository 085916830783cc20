using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

/// <summary>--exit-zero, --max-warnings, --fail-if-no-files, and a summary that names the rules failing the run.</summary>
public sealed class ExitPolicyTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Exit_zero_reports_findings_but_exits_0()
    {
        _workspace.Write("vm.xml", Fixtures.VncAnyInterface);

        var result = _workspace.Run("check", "vm.xml", "--exit-zero");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Contains("vm.xml:4:26: error VL1002 ", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\nChecked 1 file: 1 error.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_zero_still_exits_2_for_unreadable_paths()
    {
        _workspace.Write("vm.xml", Fixtures.VncAnyInterface);

        Assert.Equal(ExitCodes.UsageOrInputError, _workspace.Run("check", "vm.xml", "gone.xml", "--exit-zero").ExitCode);
    }

    [Theory]
    [InlineData("3", ExitCodes.Clean, "Checked 1 file: 3 warnings.\n")]
    [InlineData("2", ExitCodes.Findings, "Checked 1 file: 3 warnings.\n3 warnings exceed --max-warnings 2. Failed by 1 rule: VL1001 disk-bus-not-virtio (3).\n")]
    [InlineData("0", ExitCodes.Findings, "Checked 1 file: 3 warnings.\n3 warnings exceed --max-warnings 0. Failed by 1 rule: VL1001 disk-bus-not-virtio (3).\n")]
    public void Max_warnings_tolerates_up_to_N_warnings(string max, int expected, string summary)
    {
        _workspace.Write("vm.xml", Sarif.SarifResultCapTests.Domain(disks: 3));

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--max-warnings", max);

        Assert.Equal(expected, result.ExitCode);
        Assert.EndsWith(summary, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_warnings_does_not_excuse_errors_and_applies_with_a_higher_fail_level()
    {
        _workspace.Write("a.xml", Fixtures.VncAnyInterface);
        _workspace.Write("b.xml", Fixtures.IdeDisk);

        Assert.Equal(ExitCodes.Findings, _workspace.Run("check", "a.xml", "--max-warnings", "5").ExitCode);
        Assert.Equal(ExitCodes.Clean, _workspace.Run("check", "b.xml", "--fail-on", "error").ExitCode);
        Assert.Equal(ExitCodes.Findings, _workspace.Run("check", "b.xml", "--fail-on", "error", "--max-warnings", "0").ExitCode);
    }

    [Fact]
    public void Summary_names_the_failing_rules_most_severe_and_most_frequent_first()
    {
        _workspace.Write("a.xml", Sarif.SarifResultCapTests.Domain(disks: 2));
        _workspace.Write("b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("c.xml", Fixtures.LocalClock);

        var warning = _workspace.Run("check", ".", "-f", "json");
        var note = _workspace.Run("check", ".", "-f", "json", "--fail-on", "note");
        var none = _workspace.Run("check", ".", "-f", "json", "--fail-on", "none");

        Assert.Equal("virtlint: Checked 3 files: 1 error, 2 warnings, 1 note. Failed by 2 rules: VL1002 vnc-listens-on-all-interfaces (1), VL1001 disk-bus-not-virtio (2).\n", warning.Stderr);
        Assert.EndsWith(", VL1001 disk-bus-not-virtio (2), VL1003 clock-offset-localtime (1).\n", note.Stderr, StringComparison.Ordinal);
        Assert.Equal("virtlint: Checked 3 files: 1 error, 2 warnings, 1 note.\n", none.Stderr);
    }

    [Fact]
    public void No_files_warns_and_exits_0_or_with_fail_if_no_files_exits_2()
    {
        Directory.CreateDirectory(_workspace.PathOf("empty"));
        _workspace.Write("empty/notes.txt", "not xml");

        var lenient = _workspace.Run("check", "empty");
        var strict = _workspace.Run("check", "empty", "--fail-if-no-files");

        Assert.Equal(ExitCodes.Clean, lenient.ExitCode);
        Assert.Equal("Checked 0 files: no problems found.\n", lenient.Stdout);
        Assert.Equal("virtlint: warning: no XML files to lint in 'empty'.\n", lenient.Stderr);
        Assert.Equal(ExitCodes.UsageOrInputError, strict.ExitCode);
        Assert.Equal("virtlint: error: no XML files to lint in 'empty'.\n", strict.Stderr);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("lots")]
    public void Max_warnings_must_be_a_whole_number(string value)
    {
        var result = _workspace.Run("check", ".", "--max-warnings", value);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: ", result.Stderr, StringComparison.Ordinal);
    }
}
