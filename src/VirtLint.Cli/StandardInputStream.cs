using VirtLint.Core.Files;

namespace VirtLint.Cli;

/// <summary>
/// The process's standard input, opened on first read rather than at start-up: a process started with standard input
/// closed must still run every command (<c>--version</c>, <c>rules</c>, <c>check FILE</c>), and <c>check -</c> must
/// then fail with a message, never crash or wait forever.
/// </summary>
internal sealed class StandardInputStream : Stream
{
    private Stream? _stream;

    private Stream Inner => _stream ??= Open();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);
    public override int Read(Span<byte> buffer) => Inner.Read(buffer);
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream?.Dispose();
        base.Dispose(disposing);
    }

    private static Stream Open()
    {
        if (LooksClosed()) throw new IOException("standard input is closed");
        try
        {
            return Console.OpenStandardInput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException("standard input is closed or cannot be read", e);
        }
    }

    /// <summary>
    /// On Linux: descriptor 0 is missing, or the runtime has taken the free descriptor for itself before Main ran: the
    /// random device (NativeAOT), one of its own pipes whose write end this process also holds (JIT), or an anonymous
    /// inode. Reading any of those would never reach end of file.
    /// </summary>
    private static bool LooksClosed()
    {
        const string descriptors = "/proc/self/fd";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(descriptors)) return false;
        var input = FileProbe.Target(descriptors + "/0");
        if (input.Kind is FileKind.Missing or FileKind.Other) return true;
        if (input.Kind == FileKind.CharacterDevice)
            return input.Identity == FileProbe.Target("/dev/urandom").Identity || input.Identity == FileProbe.Target("/dev/random").Identity;
        if (input.Kind != FileKind.Fifo) return false;
        try
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(descriptors))
            {
                var fd = Path.GetFileName(path);
                if (fd != "0" && FileProbe.Target(path) is { Kind: FileKind.Fifo } other && other.Identity == input.Identity && IsWritable(fd))
                    return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without /proc details, assume the descriptor is the standard input it appears to be.
        }

        return false;
    }

    // /proc/self/fdinfo/N holds "flags:\t0100001"; the low two bits are the access mode (O_WRONLY 1, O_RDWR 2).
    private static bool IsWritable(string fd)
    {
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
                return (Convert.ToInt32(line["flags:".Length..].Trim(), 8) & 3) != 0;
        }

        return false;
    }
}
