using System.Runtime.InteropServices;

namespace VirtLint.Core.Files;

/// <summary>
/// What writing a report needs beyond <see cref="FileProbe"/>: a canonical path (<c>realpath(3)</c>) and giving a file
/// its owner back (<c>chown(2)</c>), which .NET does not expose. Elsewhere, or without the C library, only what .NET
/// can do.
/// </summary>
public static partial class UnixFileStatus
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>The status of <paramref name="path"/> after following symbolic links.</summary>
    public static FileStatus Get(string path) => FileProbe.Target(path);

    /// <summary>The status of an open file descriptor; <see cref="FileKind.Other"/> when it cannot be told.</summary>
    public static FileStatus Get(int descriptor) => FileProbe.Descriptor(descriptor);

    /// <summary>Gives <paramref name="path"/> the owner and group of <paramref name="status"/>; false when not allowed or not possible here.</summary>
    public static bool TryChangeOwner(string path, FileStatus status)
    {
        if (_unavailable || status.Kind != FileKind.Regular) return false;
        try
        {
            return Chown(path, status.OwnerId, status.GroupId) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The canonical absolute path of an existing <paramref name="path"/>, every symbolic link and <c>..</c> resolved
    /// (<c>realpath(3)</c>); null when it does not exist. Without the C library, only a final link is resolved.
    /// </summary>
    public static string? RealPath(string path)
    {
        if (!_unavailable)
        {
            try
            {
                var resolved = RealPathNative(path, 0);
                if (resolved == 0) return null;
                try
                {
                    return Marshal.PtrToStringUTF8(resolved);
                }
                finally
                {
                    Free(resolved);
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
            }
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full)) return null;
        return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
