using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string, int> FailOnCases => new()
    {
        // fixture, --fail-on, expected exit code
        { nameof(Fixtures.Clean), "error", ExitCodes.Clean },
        { nameof(Fixtures.Clean), "warning", ExitCodes.Clean },
        { nameof(Fixtures.Clean), "note", ExitCodes.Clean },
        { nameof(Fixtures.Clean), "none", ExitCodes.Clean },
        { nameof(Fixtures.LocalClock), "error", ExitCodes.Clean },
        { nameof(Fixtures.LocalClock), "warning", ExitCodes.Clean },
        { nameof(Fixtures.LocalClock), "note", ExitCodes.Findings },
        { nameof(Fixtures.LocalClock), "none", ExitCodes.Clean },
        { nameof(Fixtures.IdeDisk), "error", ExitCodes.Clean },
        { nameof(Fixtures.IdeDisk), "warning", ExitCodes.Findings },
        { nameof(Fixtures.IdeDisk), "note", ExitCodes.Findings },
        { nameof(Fixtures.IdeDisk), "none", ExitCodes.Clean },
        { nameof(Fixtures.VncAnyInterface), "error", ExitCodes.Findings },
        { nameof(Fixtures.VncAnyInterface), "warning", ExitCodes.Findings },
        { nameof(Fixtures.VncAnyInterface), "note", ExitCodes.Findings },
        { nameof(Fixtures.VncAnyInterface), "none", ExitCodes.Clean },
    };

    [Theory]
    [MemberData(nameof(FailOnCases))]
    public void Exit_code_follows_the_fail_level(string fixture, string failOn, int expected)
    {
        _workspace.Write("vm.xml", FixtureText(fixture));

        var result = _workspace.Run("check", "vm.xml", "--fail-on", failOn);

        Assert.Equal(expected, result.ExitCode);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData(nameof(Fixtures.Clean), ExitCodes.Clean)]
    [InlineData(nameof(Fixtures.LocalClock), ExitCodes.Clean)]
    [InlineData(nameof(Fixtures.IdeDisk), ExitCodes.Findings)]
    [InlineData(nameof(Fixtures.VncAnyInterface), ExitCodes.Findings)]
    public void Default_fail_level_is_warning(string fixture, int expected)
    {
        _workspace.Write("vm.xml", FixtureText(fixture));

        Assert.Equal(expected, _workspace.Run("check", "vm.xml").ExitCode);
    }

    [Fact]
    public void Missing_path_exits_2_and_still_reports_the_other_files()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "web.xml", "missing.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("virtlint: error: missing.xml: no such file or directory\n", result.Stderr);
        Assert.StartsWith("web.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.\n", result.Stdout);
        Assert.EndsWith("\nChecked 1 file: 1 warning. 1 path could not be read.\nFailed by 1 rule: VL1001 disk-bus-not-virtio (1).\n", result.Stdout);
    }

    [Fact]
    public void Missing_path_exits_2_even_with_fail_on_none_and_no_findings()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var result = _workspace.Run("check", "web.xml", "vms/gone", "--fail-on", "none");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("virtlint: error: vms/gone: no such file or directory\n", result.Stderr);
        Assert.Equal("Checked 1 file: no problems found. 1 path could not be read.\n", result.Stdout);
    }

    [Fact]
    public void Stdin_dash_lints_one_document_reported_as_stdin()
    {
        var result = _workspace.Run(["check", "-"], stdin: Fixtures.IdeDisk);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("<stdin>:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.\n", result.Stdout);
        Assert.EndsWith("\nChecked 1 file: 1 warning.\nFailed by 1 rule: VL1001 disk-bus-not-virtio (1).\n", result.Stdout);
    }

    [Fact]
    public void Stdin_can_be_combined_with_files()
    {
        _workspace.Write("desk.xml", Fixtures.VncAnyInterface);

        var result = _workspace.Run(["check", "desk.xml", "-"], stdin: Fixtures.LocalClock);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var headers = result.Stdout.Split('\n').Where(l => l.Contains(": ") && !l.StartsWith(' ') && !l.StartsWith("Checked") && !l.StartsWith("Failed")).ToArray();
        Assert.Equal(
            [
                "<stdin>:3:10: note VL1003 Clock offset is 'localtime'.",
                "desk.xml:4:26: error VL1002 VNC listens on '0.0.0.0', reachable from every network.",
            ],
            headers);
        Assert.EndsWith("\nChecked 2 files: 1 error, 1 note.\nFailed by 1 rule: VL1002 vnc-listens-on-all-interfaces (1).\n", result.Stdout);
    }

    [Fact]
    public void Not_well_formed_file_is_a_VL0001_error_at_the_parser_position()
    {
        _workspace.Write("broken.xml", Fixtures.NotWellFormed);

        var result = _workspace.Run("check", "broken.xml", "--format", "json");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("virtlint: Checked 1 file: 1 error. Failed by 1 rule: VL0001 xml-not-well-formed (1).\n", result.Stderr);
        Assert.Contains("""
                  "ruleId": "VL0001",
                  "name": "xml-not-well-formed",
                  "severity": "error",
                  "message": "The 'name' start tag on line 2 position 4 does not match the end tag of 'nam'.",
                  "path": "broken.xml",
                  "line": 2,
                  "column": 14,
            """, result.Stdout);
    }

    [Fact]
    public void No_path_lints_the_current_directory_recursively_and_skips_hidden_folders()
    {
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        _workspace.Write("vms/desk.xml", Fixtures.Clean);
        _workspace.Write(".git/ignored.xml", Fixtures.VncAnyInterface);
        _workspace.Write("notes.txt", "not xml");

        var result = _workspace.Run("check");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("vms/web.xml:5:25: warning VL1001 ", result.Stdout);
        Assert.EndsWith("\nChecked 2 files: 1 warning.\nFailed by 1 rule: VL1001 disk-bus-not-virtio (1).\n", result.Stdout);
    }

    [Theory]
    [InlineData("vms")]
    [InlineData("vms/")]
    [InlineData("./vms")]
    public void Directory_paths_are_displayed_relative_as_typed(string argument)
    {
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", argument);

        Assert.StartsWith("vms/web.xml:5:25: warning VL1001 ", result.Stdout);
    }

    [Fact]
    public void A_file_named_twice_is_linted_once()
    {
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "vms", "vms/web.xml");

        Assert.Contains("\nChecked 1 file: 1 warning.\n", result.Stdout);
    }

    [Fact]
    public void Output_option_writes_the_report_to_the_file_and_nothing_to_stdout()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);
        _workspace.Write("report.txt", "previous contents");

        var result = _workspace.Run(["check", "web.xml", "--output", "report.txt"], stdin: "", terminal: true);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("virtlint: Checked 1 file: 1 warning. Failed by 1 rule: VL1001 disk-bus-not-virtio (1).\n", result.Stderr);
        Assert.Equal(Formats.TextFormatterTests.IdeDiskReport, _workspace.Read("report.txt"));
        Assert.Equal(["report.txt", "web.xml"], Directory.GetFiles(_workspace.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Output_to_an_unwritable_place_is_an_input_error()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var result = _workspace.Run("check", "web.xml", "--output", "no/such/dir/report.sarif", "--format", "sarif");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: no/such/dir/report.sarif: ", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--fail-on", "fatal")]
    [InlineData("--no-such-option")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] extra)
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml", .. extra]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: ", result.Stderr);
        Assert.Contains(extra[^1], result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var result = _workspace.Run();

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: ", result.Stderr);
    }

    [Fact]
    public void Version_option_prints_the_version_without_a_commit_suffix()
    {
        var result = _workspace.Run("--version");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal(VirtLintApp.Version + "\n", result.Stdout);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", VirtLintApp.Version);
    }

    internal static string FixtureText(string name) => name switch
    {
        nameof(Fixtures.Clean) => Fixtures.Clean,
        nameof(Fixtures.IdeDisk) => Fixtures.IdeDisk,
        nameof(Fixtures.VncAnyInterface) => Fixtures.VncAnyInterface,
        nameof(Fixtures.LocalClock) => Fixtures.LocalClock,
        nameof(Fixtures.NotWellFormed) => Fixtures.NotWellFormed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
