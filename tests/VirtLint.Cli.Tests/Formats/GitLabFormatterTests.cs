using System.Text.Json;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class GitLabFormatterTests : IDisposable
{
    private static readonly string[] Severities = ["info", "minor", "major", "critical", "blocker"];

    private readonly Workspace _workspace = new();

    public GitLabFormatterTests() => _workspace.InitGitRepository(".");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Issues_carry_GitLabs_documented_fields_with_repository_relative_paths()
    {
        _workspace.Write("vms/a.xml", Fixtures.IdeDisk);
        _workspace.Write("vms/b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("vms/c.xml", Fixtures.LocalClock);

        var result = _workspace.Run(["check", ".", "-f", "gitlab"], "", currentDirectory: _workspace.PathOf("vms"));

        using var json = JsonDocument.Parse(result.Stdout);
        var issues = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, issues.Length);
        foreach (var issue in issues)
        {
            Assert.Equal(["description", "check_name", "fingerprint", "severity", "location"], issue.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
            Assert.Contains(issue.GetProperty("severity").GetString(), Severities);
            Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
        }

        var disk = issues[0];
        Assert.Equal("VL1001: Disk 'vda' uses bus 'ide'; use 'virtio'.", disk.GetProperty("description").GetString());
        Assert.Equal("VL1001/disk-bus-not-virtio", disk.GetProperty("check_name").GetString());
        Assert.Equal("vms/a.xml", disk.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(5, disk.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(["major", "critical", "minor"], issues.Select(i => i.GetProperty("severity").GetString()));
        Assert.Equal(3, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void Fingerprints_survive_lines_added_above_and_differ_when_the_flagged_line_changes()
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        var before = Fingerprint(_workspace.Run("check", "vm.xml", "-f", "gitlab").Stdout);

        _workspace.Write("vm.xml", Fixtures.IdeDisk.Replace("<devices>", "<devices>\n    <!-- a note -->\n    <memballoon model='none'/>", StringComparison.Ordinal));
        var moved = _workspace.Run("check", "vm.xml", "-f", "gitlab").Stdout;

        _workspace.Write("vm.xml", Fixtures.IdeDisk.Replace("dev='vda' bus='ide'", "dev='vda'  bus='ide' ", StringComparison.Ordinal).Replace("'vda'", "'vdb'", StringComparison.Ordinal));
        var changed = Fingerprint(_workspace.Run("check", "vm.xml", "-f", "gitlab").Stdout);

        using (var json = JsonDocument.Parse(moved))
            Assert.Equal(7, json.RootElement[0].GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(before, Fingerprint(moved));
        Assert.NotEqual(before, changed);
    }

    [Fact]
    public void Identical_findings_on_one_line_get_distinct_fingerprints()
    {
        _workspace.Write("vm.xml", "<domain type='kvm'><devices><disk><target dev='hda' bus='ide'/></disk><disk><target dev='hda' bus='ide'/></disk></devices></domain>\n");

        using var json = JsonDocument.Parse(_workspace.Run("check", "vm.xml", "-f", "gitlab").Stdout);

        var fingerprints = json.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToArray();
        Assert.Equal(2, fingerprints.Length);
        Assert.NotEqual(fingerprints[0], fingerprints[1]);
    }

    [Fact]
    public void A_clean_run_is_an_empty_array()
    {
        _workspace.Write("vm.xml", Fixtures.Clean);

        Assert.Equal("[]\n", _workspace.Run("check", "vm.xml", "-f", "gitlab").Stdout);
    }

    private static string Fingerprint(string report)
    {
        using var json = JsonDocument.Parse(report);
        return json.RootElement.EnumerateArray().Single().GetProperty("fingerprint").GetString()!;
    }
}
