using VirtLint.Core.Files;
using System.Diagnostics;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;

namespace VirtLint.Cli.Tests.Safety;

/// <summary>A report never replaces what is being linted, is written atomically, and keeps the file it replaces as it was.</summary>
public sealed class OutputFileSafetyTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("vm.xml", "--output", "vm.xml")]
    [InlineData("vm.xml", "--output", "./sub/../vm.xml")]
    [InlineData("vms", "-f", "json=vms/web.xml")]
    [InlineData("vms", "-f", "junit=vms/new-report.xml")]
    [InlineData("vms", "-f", "checkstyle=vms/deeper/checkstyle.XML")]
    [InlineData(".", "--output", "vm.xml")]
    public void A_report_path_that_is_an_input_or_would_be_linted_is_refused_and_nothing_is_written(string input, string option, string value)
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        Directory.CreateDirectory(_workspace.PathOf("vms/deeper"));
        Directory.CreateDirectory(_workspace.PathOf("sub"));
        var before = Snapshot();

        // Another report that would be written if the run went ahead; --output needs a format without a file of its own.
        string[] others = option == "--output" ? ["-f", "sarif=other.sarif", "-f", "json"] : ["-f", "sarif=other.sarif"];
        var result = _workspace.Run(["check", input, option, value, .. others], "");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith($"virtlint: error: '{value.Split('=')[^1]}' ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void An_input_reached_through_a_symbolic_link_is_recognised()
    {
        if (OperatingSystem.IsWindows()) return;
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        File.CreateSymbolicLink(_workspace.PathOf("alias"), _workspace.PathOf("vms"));

        var result = _workspace.Run("check", "vms", "--output", "alias/web.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal(Fixtures.IdeDisk, _workspace.Read("vms/web.xml"));
    }

    [Fact]
    public void An_input_reached_through_a_hard_link_is_recognised()
    {
        if (OperatingSystem.IsWindows()) return;
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        Directory.CreateDirectory(_workspace.PathOf("reports"));
        var link = Process.Start("ln", [_workspace.PathOf("vms/web.xml"), _workspace.PathOf("reports/latest.sarif")])!;
        link.WaitForExit();
        Assert.Equal(0, link.ExitCode);

        var result = _workspace.Run("check", "vms", "-f", "sarif=reports/latest.sarif");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: 'reports/latest.sarif' is one of the files being linted", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Fixtures.IdeDisk, _workspace.Read("vms/web.xml"));
    }

    [Theory]
    [InlineData("vms/report.sarif")]
    [InlineData("vms/.hidden-report.xml")]
    [InlineData("vms/.reports/junit.xml")]
    [InlineData("reports/junit.xml")]
    public void Reports_the_walk_would_not_read_may_sit_beside_the_inputs(string path)
    {
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        Directory.CreateDirectory(Path.GetDirectoryName(_workspace.PathOf(path))!);

        var result = _workspace.Run("check", "vms", "-f", $"junit={path}");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("<testsuites", _workspace.Read(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_reports_permissions_are_kept()
    {
        if (OperatingSystem.IsWindows()) return;
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        _workspace.Write("report.txt", "old");
        File.SetUnixFileMode(_workspace.PathOf("report.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        _workspace.Run("check", "vm.xml", "--output", "report.txt");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_workspace.PathOf("report.txt")));
        Assert.StartsWith("vm.xml:5:25: warning VL1001", _workspace.Read("report.txt"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_existing_reports_owner_and_group_are_kept_when_running_as_root()
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        _workspace.Write("report.txt", "old");
        var report = _workspace.PathOf("report.txt");
        Skip.IfNot(OperatingSystem.IsLinux() && UnixFileStatus.Get(report).OwnerId == 0, "only root can give a file away");
        Assert.Equal(0, Process.Start("chown", ["4242:4343", report])!.WaitForExitAndCode());

        _workspace.Run("check", "vm.xml", "--output", "report.txt");

        var status = UnixFileStatus.Get(report);
        Assert.Equal((FileKind.Regular, 4242u, 4343u), (status.Kind, status.OwnerId, status.GroupId));
    }

    [Fact]
    public void A_symbolic_link_to_a_report_keeps_pointing_at_the_new_report()
    {
        if (OperatingSystem.IsWindows()) return;
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        _workspace.Write("reports/latest.txt", "old");
        File.CreateSymbolicLink(_workspace.PathOf("report.txt"), "reports/latest.txt");

        _workspace.Run("check", "vm.xml", "--output", "report.txt", "-f", "concise");

        Assert.Equal("reports/latest.txt", new FileInfo(_workspace.PathOf("report.txt")).LinkTarget);
        Assert.StartsWith("vm.xml:5:25: warning VL1001", _workspace.Read("reports/latest.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_FIFO_is_written_in_place_and_stays_a_FIFO()
    {
        if (!OperatingSystem.IsLinux()) return;
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        var fifo = _workspace.PathOf("report.fifo");
        var keep = _workspace.PathOf("report.keep");
        Assert.Equal(0, Process.Start("mkfifo", [fifo])!.WaitForExitAndCode());
        Assert.Equal(0, Process.Start("ln", [fifo, keep])!.WaitForExitAndCode());
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var result = _workspace.Run("check", "vm.xml", "-f", "concise=report.fifo");

        // Should the report not reach the FIFO, opening it for writing releases the reader instead of hanging the test.
        string received;
        try
        {
            received = await reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            using (new FileStream(keep, FileMode.Open, FileAccess.Write)) { }
            received = await reader.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal(FileKind.Fifo, UnixFileStatus.Get(fifo).Kind);
        Assert.StartsWith("vm.xml:5:25: warning VL1001", received, StringComparison.Ordinal);
    }

    private string[] Snapshot() => Directory.GetFiles(_workspace.Root, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(_workspace.Root, f)}:{File.ReadAllText(f).GetHashCode(StringComparison.Ordinal)}")
        .ToArray();
}

internal static class ProcessExtensions
{
    public static int WaitForExitAndCode(this Process process)
    {
        using (process)
        {
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
