using System.Text;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Safety;

/// <summary>
/// Text from documents and file names cannot drive the terminal, forge findings or reorder what is shown, and the
/// text report stays linear in the number of findings however long the lines.
/// </summary>
public sealed class TerminalOutputSafetyTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Control_and_bidirectional_characters_in_messages_are_escaped()
    {
        _workspace.Write("vm.xml", "<domain type='kvm'><devices><disk><target dev='a&#x9b;31mb&#x202e;c&#x2028;d&#x7f;e&#x85;f&#x2066;g' bus='ide'/></disk></devices></domain>\n");

        foreach (var format in new[] { "text", "concise" })
        {
            var result = _workspace.Run("check", "vm.xml", "-f", format);

            Assert.Contains("Disk 'a\\u009b31mb\\u202ec\\u2028d\\x7fe\\u0085f\\u2066g' uses bus 'ide'", result.Stdout, StringComparison.Ordinal);
            AssertPrintable(result.Stdout);
        }
    }

    [Fact]
    public void A_decoded_line_break_cannot_forge_a_finding_line()
    {
        _workspace.Write("vm.xml", "<domain type='kvm'><devices><disk><target dev='x&#10;vm.xml:9:9: error VL9999 Forged.&#13;' bus='ide'/></disk></devices></domain>\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "concise");

        Assert.Equal(
            ["vm.xml:1:93: warning VL1001 Disk 'x\\x0avm.xml:9:9: error VL9999 Forged.\\x0d' uses bus 'ide'; use 'virtio'.", "Checked 1 file: 1 warning.", "Failed by 1 rule: VL1001 disk-bus-not-virtio (1)."],
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Raw_control_characters_in_a_code_frame_are_escaped_and_the_carets_still_line_up()
    {
        // ESC and BEL are not allowed in XML: the parser's error points into the line, which the frame shows escaped.
        _workspace.Write("vm.xml", "<domain type='kvm'>\n  <name>a\u0007b\u001b[2Jc</name>\n</domain>\n");

        var result = _workspace.Run("check", "vm.xml");

        var lines = result.Stdout.Split('\n');
        Assert.Equal("vm.xml:2:10: error VL0001 '\\x07', hexadecimal value 0x07, is an invalid character.", lines[0]);
        Assert.Equal("2 |   <name>a\\x07b\\x1b[2Jc</name>", lines[2]);
        Assert.Equal("  |          ^^^^", lines[3]);
        AssertPrintable(result.Stdout);
    }

    [Fact]
    public void File_names_with_control_and_bidi_characters_are_escaped_on_stdout_and_stderr()
    {
        if (OperatingSystem.IsWindows()) return;
        var name = "evil\u001b]0;owned\u0007\r\n\u202elmx.xml";
        _workspace.Write(name, Fixtures.IdeDisk);

        var text = _workspace.Run("check", ".", "-f", "concise");
        var missing = _workspace.Run("check", "gone\u001b[31m\u2067.xml");

        Assert.StartsWith("evil\\x1b]0;owned\\x07\\x0d\\x0a\\u202elmx.xml:5:25: warning VL1001 ", text.Stdout, StringComparison.Ordinal);
        AssertPrintable(text.Stdout);
        Assert.Equal("virtlint: error: gone\\x1b[31m\\u2067.xml: no such file or directory\n", missing.Stderr);
    }

    [Fact]
    public void A_long_line_is_shown_as_a_window_around_the_finding()
    {
        var padding = new string('x', 100_000);
        _workspace.Write("vm.xml", $"<domain type='kvm'><name>{padding}</name><devices><disk><target dev='vda' bus='ide'/></disk></devices><description>{padding}</description></domain>\n");

        var result = _workspace.Run("check", "vm.xml");

        var lines = result.Stdout.Split('\n');
        var source = lines[2];
        var carets = lines[3];
        Assert.StartsWith("1 | …", source, StringComparison.Ordinal);
        Assert.EndsWith("…", source, StringComparison.Ordinal);
        Assert.Equal("1 | ".Length + 1 + TextFormatterLimits.FrameColumns + 1, source.Length);
        Assert.Equal("bus='ide'", source.Substring(carets.IndexOf('^', StringComparison.Ordinal), 9));
        Assert.EndsWith("^^^^^^^^^", carets, StringComparison.Ordinal);
        Assert.True(result.Stdout.Length < 2_000, $"{result.Stdout.Length} characters for one finding");
    }

    [Fact]
    public void Output_grows_linearly_with_findings_on_one_long_line()
    {
        var small = OneLineReportLength(disks: 1_000);
        var large = OneLineReportLength(disks: 4_000);

        // Four times the findings on a four times longer line: four times the output, not sixteen.
        Assert.InRange((double)large / small, 3.5, 4.6);
    }

    [Fact]
    public void After_50_frames_in_a_file_the_rest_is_listed_without_frames()
    {
        _workspace.Write("vm.xml", Sarif.SarifResultCapTests.Domain(disks: 60));

        var result = _workspace.Run("check", "vm.xml");

        var lines = result.Stdout.Split('\n');
        Assert.Equal(50, lines.Count(l => l.StartsWith("  | ", StringComparison.Ordinal) || l.StartsWith("   | ", StringComparison.Ordinal) && l.Contains('^', StringComparison.Ordinal)));
        var notice = Array.IndexOf(lines, "… 10 more findings in vm.xml, shown without code frames:");
        Assert.True(notice > 0);
        Assert.Equal(Enumerable.Range(50, 10).Select(i => $"vm.xml:{4 + i}:56: warning VL1001 Disk 'hd{i}' uses bus 'ide'; use 'virtio'."), lines[(notice + 1)..(notice + 11)]);
        Assert.EndsWith("Checked 1 file: 60 warnings.\nFailed by 1 rule: VL1001 disk-bus-not-virtio (60).\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_message_is_cut_in_the_text_report_but_kept_whole_in_JSON()
    {
        var dev = new string('d', 5_000);
        _workspace.Write("vm.xml", $"<domain type='kvm'><devices><disk><target dev='{dev}' bus='ide'/></disk></devices></domain>\n");

        var text = _workspace.Run("check", "vm.xml", "-f", "concise");
        var json = _workspace.Run("check", "vm.xml", "-f", "json");

        var header = text.Stdout.Split('\n')[0];
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        Assert.InRange(header.Length, 1_000, 1_100);
        Assert.Contains(dev + "' uses bus 'ide'", json.Stdout, StringComparison.Ordinal);
    }

    private int OneLineReportLength(int disks)
    {
        var xml = new StringBuilder("<domain type='kvm'><devices>");
        for (var i = 0; i < disks; i++) xml.Append("<disk><target dev='hd").Append(i % 10).Append("' bus='ide'/></disk>");
        _workspace.Write("line.xml", xml.Append("</devices></domain>\n").ToString());
        var result = _workspace.Run("check", "line.xml");
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        return result.Stdout.Length;
    }

    private static void AssertPrintable(string output)
    {
        foreach (var c in output)
            Assert.False(c != '\n' && Cli.Output.TerminalText.MustEscape(c), $"U+{(int)c:X4} reached the output raw");
    }

    private static class TextFormatterLimits
    {
        public const int FrameColumns = Cli.Formats.TextFormatter.MaxFrameColumns;
    }
}
