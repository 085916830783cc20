using VirtLint.Core.Files;
using System.Text;

namespace VirtLint.Core;

/// <summary>
/// Writes a file through a temporary file in the same directory, renamed over the target, so a reader (or an upload
/// step after a cancelled run) never sees half a file and a failed write leaves the old content in place. An existing
/// file's permissions are kept (a baseline or report made group-writable stays so).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="path"/>. A symbolic link keeps pointing at the new content (its final target is
    /// replaced), and an existing file keeps its permissions and, where allowed, its owner and group. Streams that are
    /// not files (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO) are written in place: renaming over them would
    /// replace a device node with a regular file.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        var status = UnixFileStatus.Get(path);
        switch (status.Kind)
        {
            case FileKind.CharacterDevice or FileKind.Fifo:
                WriteInPlace(path, append: false, write);
                return;
            case FileKind.BlockDevice or FileKind.Socket:
                throw new IOException($"'{path}' is a {(status.Kind == FileKind.Socket ? "socket" : "block device")}, not a file.");
            case FileKind.Regular when IsDescriptorPath(path):
                // /dev/stdout redirected to a file: add to what the shell opened rather than replace it behind its back.
                WriteInPlace(path, append: true, write);
                return;
        }

        var target = new FileInfo(path).LinkTarget is null ? path : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom))
                write(writer);
            if (status.Kind == FileKind.Regular) KeepAttributes(target, temporary, status);
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void WriteAllText(string path, string content) => Write(path, writer => writer.Write(content));

    private static void KeepAttributes(string existing, string replacement, FileStatus status)
    {
        if (OperatingSystem.IsWindows()) return;
        File.SetUnixFileMode(replacement, File.GetUnixFileMode(existing));
        // Only root may give a file away; anyone else keeps the file as theirs, as an editor saving it would.
        UnixFileStatus.TryChangeOwner(replacement, status);
    }

    private static void WriteInPlace(string path, bool append, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, append ? FileMode.Append : FileMode.Open, FileAccess.Write);
        using var writer = new StreamWriter(stream, Utf8NoBom);
        write(writer);
    }

    // The names Linux gives to a process's own open descriptors.
    private static bool IsDescriptorPath(string path)
    {
        var full = Path.GetFullPath(path);
        return full is "/dev/stdout" or "/dev/stderr"
               || full.StartsWith("/dev/fd/", StringComparison.Ordinal)
               || (full.StartsWith("/proc/", StringComparison.Ordinal) && full.Contains("/fd/", StringComparison.Ordinal));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one to report, not the clean-up's.
        }
    }
}
