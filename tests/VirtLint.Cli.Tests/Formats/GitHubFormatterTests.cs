using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

public sealed class GitHubFormatterTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public GitHubFormatterTests() => _workspace.InitGitRepository(".");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Annotations_are_workflow_commands_errors_first_with_repository_relative_paths()
    {
        _workspace.Write("vms/a.xml", Fixtures.IdeDisk);
        _workspace.Write("vms/b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("vms/c.xml", Fixtures.LocalClock);
        Directory.CreateDirectory(_workspace.PathOf("tools"));

        var result = _workspace.Run(["check", "../vms", "-f", "github"], "", currentDirectory: _workspace.PathOf("tools"));

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal("""
            ::error file=vms/b.xml,line=4,col=26,endLine=4,endColumn=42,title=VL1002 vnc-listens-on-all-interfaces::VNC listens on '0.0.0.0', reachable from every network.
            ::warning file=vms/a.xml,line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::Disk 'vda' uses bus 'ide'; use 'virtio'.
            ::notice file=vms/c.xml,line=3,col=10,endLine=3,endColumn=28,title=VL1003 clock-offset-localtime::Clock offset is 'localtime'.

            """, result.Stdout);
        Assert.Equal(
            "virtlint: Checked 3 files: 1 error, 1 warning, 1 note. Failed by 2 rules: VL1002 vnc-listens-on-all-interfaces (1), VL1001 disk-bus-not-virtio (1).\n",
            result.Stderr);
    }

    [Fact]
    public void Percent_line_breaks_colons_and_commas_are_escaped_as_GitHub_requires()
    {
        // A decoded &#13;&#10; in a value must not end the command and start a forged one.
        _workspace.Write("odd, name: 100%.xml", """
            <domain type='kvm'>
              <devices>
                <disk type='file' device='disk'><target dev='a%b&#13;&#10;::error file=x::forged' bus='ide'/></disk>
              </devices>
            </domain>
            """);

        var result = _workspace.Run("check", ".", "-f", "github");

        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "::warning file=odd%2C name%3A 100%25.xml,line=3,col=87,endLine=3,endColumn=96,title=VL1001 disk-bus-not-virtio::" +
            "Disk 'a%25b%0D%0A::error file=x::forged' uses bus 'ide'; use 'virtio'.",
            line);
    }

    [Fact]
    public void Other_control_characters_become_visible_escapes()
    {
        _workspace.Write("vm.xml", "<domain type='kvm'><devices><disk><target dev='a&#x9b;31m&#x202e;b' bus='ide'/></disk></devices></domain>\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "github");

        Assert.EndsWith("::Disk 'a\\u009b31m\\u202eb' uses bus 'ide'; use 'virtio'.\n", result.Stdout);
        Assert.DoesNotContain('\u009b', result.Stdout);
        Assert.DoesNotContain('\u202e', result.Stdout);
    }

    [Fact]
    public void Auto_under_GitHub_Actions_prints_annotations_then_the_summary_and_nothing_on_stderr()
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "vm.xml"], "", environment: new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Equal("""
            ::warning file=vm.xml,line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::Disk 'vda' uses bus 'ide'; use 'virtio'.
            Checked 1 file: 1 warning.
            Failed by 1 rule: VL1001 disk-bus-not-virtio (1).

            """, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Auto_elsewhere_is_the_text_report()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run(["check", "web.xml"], "", environment: new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "false" });

        Assert.Equal(TextFormatterTests.IdeDiskReport, result.Stdout);
    }
}
