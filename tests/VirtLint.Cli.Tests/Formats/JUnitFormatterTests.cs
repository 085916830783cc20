using System.Xml.Linq;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class JUnitFormatterTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_suite_per_file_a_case_per_rule_failures_at_the_fail_level_and_errors_for_unreadable_paths()
    {
        _workspace.Write("a.xml", Fixtures.IdeDisk);
        _workspace.Write("b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("c.xml", Fixtures.LocalClock);
        _workspace.Write("d.xml", Fixtures.Clean);

        var result = _workspace.Run("check", "a.xml", "b.xml", "c.xml", "d.xml", "gone.xml", "-f", "junit");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        var root = XDocument.Parse(result.Stdout).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("5", "2", "1"), Counts(root));
        var suites = root.Elements("testsuite").ToArray();
        Assert.Equal(["a.xml", "b.xml", "c.xml", "d.xml", "unreadable paths"], suites.Select(s => (string?)s.Attribute("name")));
        Assert.Equal([("1", "1", "0"), ("1", "1", "0"), ("1", "0", "0"), ("1", "0", "0"), ("1", "0", "1")], suites.Select(Counts));

        var disk = suites[0].Element("testcase")!;
        Assert.Equal("VL1001 disk-bus-not-virtio", (string?)disk.Attribute("name"));
        Assert.Equal("a.xml", (string?)disk.Attribute("classname"));
        var failure = disk.Element("failure")!;
        Assert.Equal("warning", (string?)failure.Attribute("type"));
        Assert.Equal("Disk 'vda' uses bus 'ide'; use 'virtio'.", (string?)failure.Attribute("message"));
        Assert.Equal("a.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.\n", failure.Value);

        // A note is below the default fail level: the case passes and carries the finding as output.
        var clock = suites[2].Element("testcase")!;
        Assert.Null(clock.Element("failure"));
        Assert.Equal("c.xml:3:10: note VL1003 Clock offset is 'localtime'.\n", clock.Element("system-out")!.Value);

        Assert.Equal(JUnitFormatterNames.Clean, (string?)suites[3].Element("testcase")!.Attribute("name"));
        var unreadable = suites[4].Element("testcase")!;
        Assert.Equal("gone.xml", (string?)unreadable.Attribute("name"));
        Assert.Equal("no such file or directory", (string?)unreadable.Element("error")!.Attribute("message"));
    }

    [Fact]
    public void Fail_level_decides_which_cases_fail_and_findings_of_a_rule_share_a_case()
    {
        _workspace.Write("vm.xml", Sarif.SarifResultCapTests.Domain(disks: 3));
        _workspace.Write("clock.xml", Fixtures.LocalClock);

        var result = _workspace.Run("check", ".", "-f", "junit", "--fail-on", "note");

        var root = XDocument.Parse(result.Stdout).Root!;
        Assert.Equal(("2", "2", "0"), Counts(root));
        var disks = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "vm.xml").Element("testcase")!.Element("failure")!;
        Assert.Equal("Disk 'hd0' uses bus 'ide'; use 'virtio'. (and 2 more findings)", (string?)disks.Attribute("message"));
        Assert.Equal(3, disks.Value.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_escaped_and_the_report_stays_well_formed()
    {
        var name = "bad\u001b[31m&<\u202e.xml";
        _workspace.Write(name, "<domain type='kvm'>\n  <name>x\u0007y</name>\n</domain>\n");

        var result = _workspace.Run("check", ".", "-f", "junit");

        var suite = XDocument.Parse(result.Stdout).Root!.Element("testsuite")!;
        Assert.Equal("bad\\x1b[31m&<\\u202e.xml", (string?)suite.Attribute("name"));
        Assert.Contains("\\x07", (string?)suite.Element("testcase")!.Element("failure")!.Attribute("message"), StringComparison.Ordinal);
    }

    private static (string?, string?, string?) Counts(XElement element) =>
        ((string?)element.Attribute("tests"), (string?)element.Attribute("failures"), (string?)element.Attribute("errors"));

    private static class JUnitFormatterNames
    {
        public const string Clean = Cli.Formats.JUnitFormatter.CleanCaseName;
    }
}
