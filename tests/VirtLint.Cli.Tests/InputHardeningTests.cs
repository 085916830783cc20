using System.Diagnostics;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;

namespace VirtLint.Cli.Tests;

/// <summary>Standard input and the size limit from the command line: bounded reads, located errors, clean exit codes.</summary>
public sealed class InputHardeningTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Endless_standard_input_is_read_only_to_the_limit_and_reported()
    {
        var stdin = new EndlessStream();
        var stdout = new StringWriter { NewLine = "\n" };
        var context = new CliContext { Stdin = stdin, Stdout = stdout, Stderr = new StringWriter(), CurrentDirectory = _workspace.Root };

        var exitCode = VirtLintApp.Run(["check", "-", "--max-file-size", "64K", "--format", "json"], context, FakeRules.Catalog);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Equal(64 * 1024 + 1, stdin.Served);
        Assert.Contains("\"message\": \"The input holds more than the 64 KiB size limit (--max-file-size); it was not linted.\"", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_max_file_size_is_a_VL0001_error_at_line_1()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "web.xml", "--max-file-size", "100");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("web.xml:1:1: error VL0001 The file is 159 bytes, more than the 100 bytes size limit (--max-file-size); it was not read.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("ten")]
    [InlineData("2GiB")]
    [InlineData("16 TB")]
    public void An_invalid_max_file_size_is_a_usage_error(string value)
    {
        var result = _workspace.Run("check", ".", "--max-file-size", value);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains($"virtlint: error: Invalid --max-file-size '{value}': give a size from 1 byte to 1 GiB, such as '16MiB', '512K' or '1048576'.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16MiB", 16L << 20)]
    [InlineData("512k", 512L << 10)]
    [InlineData("1G", 1L << 30)]
    [InlineData("1048576", 1048576)]
    public void Sizes_parse_with_binary_units(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    /// <summary>The real process, started with descriptor 0 closed (<c>&lt;&amp;-</c>): no command may crash or wait.</summary>
    [SkippableTheory]
    [InlineData(ExitCodes.Clean, "", "--version")]
    [InlineData(ExitCodes.Clean, "", "rules", "--format", "json")]
    [InlineData(ExitCodes.Clean, "", "check", "clean.xml", "--fail-on", "none")]
    [InlineData(ExitCodes.UsageOrInputError, "virtlint: error: <stdin>: standard input is closed", "check", "-")]
    public void A_closed_standard_input_crashes_no_command(int exitCode, string stderr, params string[] args)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs a POSIX shell to close descriptor 0");
        _workspace.Write("clean.xml", "<domain type='kvm'><name>a</name></domain>\n");
        var virtlint = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "virtlint.exe" : "virtlint");
        var start = new ProcessStartInfo("/bin/sh", ["-c", "exec \"$0\" \"$@\" <&-", virtlint, .. args])
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"virtlint {string.Join(' ', args)} hung with standard input closed");
        }

        Assert.True(exitCode == process.ExitCode, $"exit {process.ExitCode}: {errors.Result}");
        if (stderr.Length > 0) Assert.Contains(stderr, errors.Result, StringComparison.Ordinal);
        else Assert.Equal("", errors.Result);
        if (args[0] == "--version") Assert.Equal(VirtLintApp.Version + "\n", output.Result);
    }

    /// <summary>Like <c>/dev/zero</c>: never ends, and counts what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
