using System.Diagnostics;
using System.Text;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Safety;

/// <summary>A closed pipe or a full disk on standard output ends the run cleanly with exit code 2 and a message.</summary>
public sealed class StandardOutputFailureTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_failing_stdout_gives_exit_2_and_a_message_not_an_exception(string format)
    {
        _workspace.Write("vm.xml", Sarif.SarifResultCapTests.Domain(disks: 200));
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Stdin = Stream.Null,
            Stdout = new BrokenWriter(afterCharacters: 100),
            Stderr = stderr,
            CurrentDirectory = _workspace.Root,
        };

        var exitCode = VirtLintApp.Run(["check", "vm.xml", "-f", format], context, FakeRules.Catalog);

        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Equal("virtlint: error: cannot write to standard output: Broken pipe; the report is incomplete.\n", stderr.ToString());
    }

    [Fact]
    public void Reports_in_files_are_written_before_standard_output_fails()
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        var context = new CliContext
        {
            Stdin = Stream.Null,
            Stdout = new BrokenWriter(afterCharacters: 0),
            Stderr = new StringWriter(),
            CurrentDirectory = _workspace.Root,
        };

        var exitCode = VirtLintApp.Run(["check", "vm.xml", "-f", "sarif=virtlint.sarif", "-f", "text"], context, FakeRules.Catalog);

        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Contains("\"ruleId\": \"VL1001\"", _workspace.Read("virtlint.sarif"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_streamed_report_on_a_failing_stdout_leaves_the_streamed_report_files_whole()
    {
        _workspace.Write("vm.xml", Fixtures.IdeDisk);
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Stdin = Stream.Null,
            Stdout = new BrokenWriter(afterCharacters: 0),
            Stderr = stderr,
            CurrentDirectory = _workspace.Root,
        };

        // The SARIF file is written while standard output (JSON) fails; the failure is standard output's alone.
        var exitCode = VirtLintApp.Run(["check", "vm.xml", "-f", "sarif=virtlint.sarif", "-f", "json"], context, FakeRules.Catalog);

        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Equal("virtlint: error: cannot write to standard output: Broken pipe; the report is incomplete.\n", stderr.ToString());
        Assert.Contains("\"ruleId\": \"VL1001\"", _workspace.Read("virtlint.sarif"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_real_process_on_a_full_disk_exits_2_with_a_message()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs Linux's /dev/full");
        _workspace.Write("vm.xml", Fixtures.IdeDisk);

        var (exitCode, _, stderr) = await RunVirtlint("exec dotnet \"$0\" check vm.xml > /dev/full", readLines: null);

        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Equal("virtlint: error: cannot write to standard output: No space left on device; the report is incomplete.\n", stderr);
    }

    [SkippableFact]
    public async Task The_real_process_with_stdout_closed_exits_2_with_a_message()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs a shell that can close a descriptor");
        _workspace.Write("vm.xml", Fixtures.IdeDisk);

        var (exitCode, _, stderr) = await RunVirtlint("exec dotnet \"$0\" check vm.xml >&-", readLines: null);

        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Equal("virtlint: error: cannot write to standard output: Bad file descriptor; the report is incomplete.\n", stderr);
    }

    [SkippableFact]
    public async Task Output_to_a_file_shared_with_the_shell_stays_in_order()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs sh");
        var (exitCode, _, _) = await RunVirtlint("{ echo before; dotnet \"$0\" --version; echo after; } > log.txt", readLines: null);

        Assert.Equal(0, exitCode);
        Assert.Equal($"before\n{VirtLintApp.Version}\nafter\n", _workspace.Read("log.txt"));
    }

    [SkippableFact]
    public async Task The_real_process_stops_when_the_reader_of_its_pipe_goes_away()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "pipe semantics of Linux");
        // Far more output than the pipe and VirtLint's own buffer hold, so writing goes on after the reader left.
        _workspace.Write("vm.xml", Sarif.SarifResultCapTests.Domain(disks: 4_000));

        var (exitCode, firstLine, stderr) = await RunVirtlint("exec dotnet \"$0\" check vm.xml", readLines: 1);

        Assert.StartsWith("vm.xml:", firstLine, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrInputError, exitCode);
        Assert.Equal("virtlint: error: cannot write to standard output: Broken pipe; the report is incomplete.\n", stderr);
    }

    /// <summary>Runs the built virtlint.dll through sh; with <paramref name="readLines"/>, reads that many lines of stdout and closes the pipe.</summary>
    private async Task<(int ExitCode, string Stdout, string Stderr)> RunVirtlint(string script, int? readLines)
    {
        var start = new ProcessStartInfo("sh", ["-c", script, Path.Combine(AppContext.BaseDirectory, "virtlint.dll")])
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = readLines is not null,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        if (readLines is { } count)
        {
            for (var i = 0; i < count; i++) stdout.Append(await process.StandardOutput.ReadLineAsync());
            process.StandardOutput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stdout.ToString(), await stderr);
    }

    /// <summary>Standard output whose reader has gone: writes fail once <paramref name="afterCharacters"/> have been accepted.</summary>
    private sealed class BrokenWriter(int afterCharacters) : TextWriter
    {
        private int _written;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (++_written > afterCharacters) throw new IOException("Broken pipe");
        }
    }
}
