namespace VirtLint.Core.Files;

/// <summary>What a path names, as <c>lstat</c>/<c>stat</c> see it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Other,
}

public static class FileKinds
{
    /// <summary>How a report names a kind of file that VirtLint does not read.</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Directory => "a directory",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Regular => "a regular file",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };
}

/// <summary>
/// What one probe of a path found. <paramref name="Identity"/> names the file itself (device and inode where the
/// platform has them, else the resolved full path), so two paths to one directory are recognised as one.
/// <paramref name="Error"/> is set when the path could not be examined (permission denied, a link loop, …).
/// </summary>
/// <paramref name="OwnerId"/> and <paramref name="GroupId"/> are known only where statx answered (0 otherwise).
public readonly record struct FileStatus(FileKind Kind, long Size, string Identity, string? Error = null, uint OwnerId = 0, uint GroupId = 0)
{
    public static FileStatus Missing { get; } = new(FileKind.Missing, 0, "");
}
