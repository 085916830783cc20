namespace VirtLint.Core.Files;

/// <summary>The outcome of reading one file: its bytes, or that it is over the size limit, or why it could not be read.</summary>
public readonly record struct FileReadResult(byte[]? Bytes, long? OversizeLength, string? Error);

/// <summary>
/// Reads a regular file whole, after checking what it is and how large it is on disk, without opening anything else:
/// a FIFO would block, a device (<c>/dev/zero</c>) never ends, and a file over the limit is refused before a byte is read.
/// </summary>
public static class FileReader
{
    public static FileReadResult Read(string path, long maxBytes)
    {
        var status = FileProbe.Target(path);
        if (status.Error is not null) return new(null, null, status.Error);
        if (status.Kind == FileKind.Missing) return new(null, null, "no such file or directory");
        if (status.Kind != FileKind.Regular) return new(null, null, $"{status.Kind.Describe()}, not a regular file; it was not opened");
        if (status.Size > maxBytes) return new(null, status.Size, null);

        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[status.Size];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0) total += read;
            // A byte past the size on disk tells a file that grew, or a pseudo-file (/proc, /sys) that reports a size
            // of 0 or 4096 whatever it holds, from a file read whole; read apart, so the buffer is never copied.
            Span<byte> past = stackalloc byte[1];
            if (total != status.Size || RandomAccess.Read(handle, past, total) > 0)
            {
                return new(null, null,
                    $"its content does not match its size on disk ({status.Size} bytes): it changed while being read, or it is a pseudo-file such as those under /proc; it was not read");
            }

            return new(buffer, null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(null, null, e.Message);
        }
    }
}
