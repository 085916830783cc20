using System.Text.Json;
using System.Xml.Linq;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class CheckstyleAndConciseFormatterTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Concise_prints_one_line_per_finding_then_the_summary()
    {
        _workspace.Write("a.xml", Fixtures.IdeDisk);
        _workspace.Write("b.xml", Fixtures.LocalClock);

        var result = _workspace.Run("check", ".", "-f", "concise");

        Assert.Equal("""
            a.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.
            b.xml:3:10: note VL1003 Clock offset is 'localtime'.
            Checked 2 files: 1 warning, 1 note.
            Failed by 1 rule: VL1001 disk-bus-not-virtio (1).

            """, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Checkstyle_lists_every_file_and_an_error_element_per_finding()
    {
        _workspace.Write("a.xml", Fixtures.IdeDisk);
        _workspace.Write("b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("c.xml", Fixtures.Clean);

        var result = _workspace.Run("check", ".", "-f", "checkstyle");

        var root = XDocument.Parse(result.Stdout).Root!;
        Assert.Equal("checkstyle", root.Name.LocalName);
        Assert.Equal(["a.xml", "b.xml", "c.xml"], root.Elements("file").Select(f => (string?)f.Attribute("name")));
        Assert.Empty(root.Elements("file").Last().Elements());
        var error = root.Elements("file").First().Elements("error").Single();
        Assert.Equal(
            ["5", "25", "warning", "Disk 'vda' uses bus 'ide'; use 'virtio'.", "virtlint.VL1001.disk-bus-not-virtio"],
            new[] { "line", "column", "severity", "message", "source" }.Select(a => (string?)error.Attribute(a)));
        Assert.Equal("error", (string?)root.Elements("file").ElementAt(1).Element("error")!.Attribute("severity"));
    }

    [Fact]
    public void Rdjsonl_writes_one_reviewdog_diagnostic_per_line_with_UTF8_byte_columns()
    {
        // "é" is 2 bytes in UTF-8 and "😀" 4 (two UTF-16 units): the clock attribute starts at UTF-16 column 43, byte 46.
        _workspace.Write("vm.xml", "<domain type='kvm'><name>é😀</name><clock offset='localtime'/></domain>\n");
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", ".", "-f", "rdjsonl");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var clock = JsonDocument.Parse(lines[0]);
        var root = clock.RootElement;
        Assert.Equal("Clock offset is 'localtime'.", root.GetProperty("message").GetString());
        Assert.Equal("INFO", root.GetProperty("severity").GetString());
        Assert.Equal("vm.xml", root.GetProperty("location").GetProperty("path").GetString());
        var range = root.GetProperty("location").GetProperty("range");
        Assert.Equal((1, 46, 1, 64), (
            range.GetProperty("start").GetProperty("line").GetInt32(), range.GetProperty("start").GetProperty("column").GetInt32(),
            range.GetProperty("end").GetProperty("line").GetInt32(), range.GetProperty("end").GetProperty("column").GetInt32()));
        Assert.Equal("VL1003", root.GetProperty("code").GetProperty("value").GetString());
        Assert.Equal("https://github.com/virtlint/virtlint/blob/main/docs/rules/VL1003.md", root.GetProperty("code").GetProperty("url").GetString());
        Assert.Equal("VirtLint", root.GetProperty("source").GetProperty("name").GetString());

        using var disk = JsonDocument.Parse(lines[1]);
        Assert.Equal("WARNING", disk.RootElement.GetProperty("severity").GetString());
        Assert.Equal(25, disk.RootElement.GetProperty("location").GetProperty("range").GetProperty("start").GetProperty("column").GetInt32());
    }
}
