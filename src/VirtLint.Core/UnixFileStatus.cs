using System.Runtime.InteropServices;

namespace VirtLint.Core;

/// <summary>What a path names, after following symbolic links.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Unknown,
}

/// <summary>A file's kind and owner.</summary>
public readonly record struct FileStatus(FileKind Kind, uint OwnerId, uint GroupId);

/// <summary>
/// The file type and owner of a path, which .NET does not expose: from Linux <c>statx(2)</c>, whose buffer has the
/// same layout on every architecture (unlike <c>struct stat</c>). Elsewhere, or when the call is unavailable, only
/// "missing", "directory" or "regular" can be told, from .NET's own checks.
/// </summary>
public static partial class UnixFileStatus
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>The status of <paramref name="path"/> after following symbolic links.</summary>
    public static FileStatus Get(string path)
    {
        if (!_unavailable)
        {
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType | StatxUid | StatxGid, out var buffer) == 0)
                    return new FileStatus(KindOf(buffer.Mode), buffer.Uid, buffer.Gid);
                var error = Marshal.GetLastPInvokeError();
                return new FileStatus(error is NoSuchFile or NotADirectory ? FileKind.Missing : FileKind.Unknown, 0, 0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without statx (old glibc, musl before 1.2.5): fall back for the rest of the run.
                _unavailable = true;
            }
        }

        if (Directory.Exists(path)) return new FileStatus(FileKind.Directory, 0, 0);
        return new FileStatus(File.Exists(path) ? FileKind.Regular : FileKind.Missing, 0, 0);
    }

    /// <summary>The status of an open file descriptor (standard output: a pipe, a terminal, a file); <see cref="FileKind.Unknown"/> when it cannot be told.</summary>
    public static FileStatus Get(int descriptor)
    {
        if (_unavailable) return new FileStatus(FileKind.Unknown, 0, 0);
        try
        {
            return Statx(descriptor, "", AtEmptyPath, StatxType | StatxUid | StatxGid, out var buffer) == 0
                ? new FileStatus(KindOf(buffer.Mode), buffer.Uid, buffer.Gid)
                : new FileStatus(FileKind.Unknown, 0, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return new FileStatus(FileKind.Unknown, 0, 0);
        }
    }

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

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    /// <summary>The head of <c>struct statx</c> (256 bytes in all); only the fields read here are declared.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(20)] public uint Uid;
        [FieldOffset(24)] public uint Gid;
        [FieldOffset(28)] public ushort Mode;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
