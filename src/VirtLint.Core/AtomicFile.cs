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

    public static void Write(string path, Action<TextWriter> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom))
                write(writer);
            if (!OperatingSystem.IsWindows() && File.Exists(path))
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public static void WriteAllText(string path, string content) => Write(path, writer => writer.Write(content));

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
