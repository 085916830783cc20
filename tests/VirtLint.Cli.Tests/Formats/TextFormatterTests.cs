using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class TextFormatterTests : IDisposable
{
    internal const string IdeDiskReport = """
        web.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.
          |
        5 |       <target dev='vda' bus='ide'/>
          |                         ^^^^^^^^^
          |

        Checked 1 file: 1 warning.
        Failed by 1 rule: VL1001 disk-bus-not-virtio (1).

        """;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Finding_is_printed_with_location_code_frame_and_summary()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "web.xml");

        Assert.Equal(IdeDiskReport, result.Stdout);
    }

    [Fact]
    public void Clean_run_prints_only_the_summary()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var result = _workspace.Run("check", "web.xml");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("Checked 1 file: no problems found.\n", result.Stdout);
    }

    [Fact]
    public void Summary_counts_each_severity_with_singular_and_plural()
    {
        _workspace.Write("a.xml", Fixtures.IdeDisk);
        _workspace.Write("b.xml", Fixtures.IdeDisk);
        _workspace.Write("c.xml", Fixtures.VncAnyInterface);
        _workspace.Write("d.xml", Fixtures.LocalClock);
        _workspace.Write("e.xml", Fixtures.Clean);

        var result = _workspace.Run("check", ".");

        Assert.EndsWith("\n\nChecked 5 files: 1 error, 2 warnings, 1 note.\nFailed by 2 rules: VL1002 vnc-listens-on-all-interfaces (1), VL1001 disk-bus-not-virtio (2).\n", result.Stdout);
    }

    [Fact]
    public void Not_well_formed_file_points_at_the_parser_position()
    {
        _workspace.Write("broken.xml", Fixtures.NotWellFormed);

        var result = _workspace.Run("check", "broken.xml");

        Assert.Equal("""
            broken.xml:2:14: error VL0001 The 'name' start tag on line 2 position 4 does not match the end tag of 'nam'.
              |
            2 |   <name>web</nam>
              |              ^
              |

            Checked 1 file: 1 error.
            Failed by 1 rule: VL0001 xml-not-well-formed (1).

            """, result.Stdout);
    }

    [Fact]
    public void Carets_follow_tabs_in_the_source_line()
    {
        _workspace.Write("tabs.xml", "<domain type='kvm'>\n\t<clock\toffset='localtime'/>\n</domain>\n");

        var result = _workspace.Run("check", "tabs.xml");

        Assert.Equal(
            "tabs.xml:2:9: note VL1003 Clock offset is 'localtime'.\n" +
            "  |\n" +
            "2 | \t<clock\toffset='localtime'/>\n" +
            "  | \t      \t^^^^^^^^^^^^^^^^^^\n" +
            "  |\n" +
            "\n" +
            "Checked 1 file: 1 note.\n",
            result.Stdout);
    }

    [Fact]
    public void Terminal_output_is_coloured_by_severity_with_a_bold_rule_id()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml"], stdin: "", terminal: true);

        var lines = result.Stdout.Split('\n');
        Assert.Equal("web.xml:5:25: \e[33mwarning\e[0m \e[1mVL1001\e[0m Disk 'vda' uses bus 'ide'; use 'virtio'.", lines[0]);
        Assert.Equal("  |                         \e[33m^^^^^^^^^\e[0m", lines[3]);
    }

    [Theory]
    [InlineData("VL1002", "\e[31merror\e[0m")]
    [InlineData("VL1003", "\e[36mnote\e[0m")]
    public void Errors_are_red_and_notes_cyan(string ruleId, string expectedSeverity)
    {
        _workspace.Write("vm.xml", ruleId == "VL1002" ? Fixtures.VncAnyInterface : Fixtures.LocalClock);

        var result = _workspace.Run(["check", "vm.xml"], stdin: "", terminal: true);

        Assert.Contains($": {expectedSeverity} \e[1m{ruleId}\e[0m ", result.Stdout);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void NO_COLOR_turns_colour_off_on_a_terminal(string value)
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml"], stdin: "", terminal: true, environment: new Dictionary<string, string> { ["NO_COLOR"] = value });

        Assert.Equal(IdeDiskReport, result.Stdout);
    }

    [Fact]
    public void Empty_NO_COLOR_does_not_turn_colour_off()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml"], stdin: "", terminal: true, environment: new Dictionary<string, string> { ["NO_COLOR"] = "" });

        Assert.Contains("\e[33mwarning\e[0m", result.Stdout);
    }

    [Fact]
    public void Redirected_output_is_not_coloured()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml"], stdin: "", terminal: false);

        Assert.DoesNotContain("\e[", result.Stdout);
    }
}
