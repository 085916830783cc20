using System.Text;
using Microsoft.Win32.SafeHandles;

namespace VirtLint.Cli.Output;

/// <summary>
/// The process's standard output and error as VirtLint writes them. .NET's console streams silently drop writes to a
/// closed pipe (so <c>virtlint check | head</c> would lint on, printing into nothing) and throw from deep inside a
/// formatter on a full disk; here standard output is a plain buffered stream whose failures reach
/// <see cref="VirtLintApp"/> as a <see cref="StandardOutputException"/>, and standard error never fails a run.
/// </summary>
internal static class StandardStreams
{
    private const int BufferSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static TextWriter OpenStdout()
    {
        try
        {
            var stream = OperatingSystem.IsWindows()
                ? Console.OpenStandardOutput()
                : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
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
internal sealed class StandardOutputException(Exception inner) : IOException(inner.Message, inner);

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
