using VirtLint.Core.Files;
using System.Text;
using Microsoft.Win32.SafeHandles;
using VirtLint.Core;

namespace VirtLint.Cli.Output;

/// <summary>
/// The process's standard output and error as VirtLint writes them. .NET's console stream silently drops writes to a
/// closed pipe, so <c>virtlint check | head</c> would lint on, printing into nothing: when standard output is a pipe
/// or socket it is written through a plain stream instead, whose EPIPE surfaces. Everywhere else (a terminal, a file,
/// a device) the console stream is right: it writes at the descriptor's own offset, so output shared with the shell
/// (<c>{ virtlint check a; echo done; } &gt; log</c>) stays in order, and it reports a full disk. Every failure reaches
/// <see cref="VirtLintApp"/> as a <see cref="StandardOutputException"/>; standard error never fails a run.
/// </summary>
internal static class StandardStreams
{
    private const int BufferSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static TextWriter OpenStdout()
    {
        try
        {
            var pipe = !OperatingSystem.IsWindows() && UnixFileStatus.Get(descriptor: 1).Kind is FileKind.Fifo or FileKind.Socket;
            var stream = pipe ? new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0) : Console.OpenStandardOutput();
            return new StreamWriter(stream, Utf8NoBom, BufferSize) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new FailingWriter(e.Message);
        }
    }

    public static TextWriter OpenStderr() => Console.Error;

    /// <summary>Standard output when descriptor 1 is closed: every write fails the way a closed pipe does.</summary>
    private sealed class FailingWriter(string reason) : TextWriter
    {
        public override Encoding Encoding => Utf8NoBom;

        public override void Write(char value) => throw new IOException(reason);
    }
}

/// <summary>Standard output could not be written (closed pipe, full disk): the report is incomplete.</summary>
/// <remarks>The message is the innermost one: .NET wraps EBADF ("Bad file descriptor") in an access-denied exception.</remarks>
internal sealed class StandardOutputException(Exception inner) : IOException(inner.GetBaseException().Message, inner);

/// <summary>Turns every failure of the wrapped writer into a <see cref="StandardOutputException"/>.</summary>
internal sealed class StandardOutputWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException && e is not StandardOutputException)
        {
            throw new StandardOutputException(e);
        }
    }
}

/// <summary>Standard error: a message that cannot be written there is dropped, never allowed to end the run.</summary>
internal sealed class ForgivingWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Try(() => inner.Write(value));

    public override void Write(string? value) => Try(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    public override void WriteLine() => Try(inner.WriteLine);

    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    public override void Flush() => Try(inner.Flush);

    private static void Try(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Nowhere left to say it.
        }
    }
}
