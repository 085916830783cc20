namespace VirtLint.Core.Files;

/// <summary>
/// Examines a path without opening it, so that a FIFO, a socket or a device is recognised before anything blocks on
/// it or reads it forever. .NET's own file APIs cannot tell a FIFO from a regular file, so on Linux this asks the
/// kernel through <c>statx</c>; elsewhere it falls back to what .NET reports (directories, links, Windows devices).
/// </summary>
public static class FileProbe
{
    private static bool s_statxUnavailable = !OperatingSystem.IsLinux();

    /// <summary>The path itself: a symbolic link is reported as a link (<c>lstat</c>).</summary>
    public static FileStatus Link(string path) => Probe(path, followLinks: false);

    /// <summary>What the path leads to, following symbolic links (<c>stat</c>).</summary>
    public static FileStatus Target(string path) => Probe(path, followLinks: true);

    /// <summary>An open descriptor; <see cref="FileKind.Other"/> when it cannot be told.</summary>
    public static FileStatus Descriptor(int descriptor)
    {
        if (s_statxUnavailable) return new FileStatus(FileKind.Other, 0, "");
        try
        {
            return LinuxStatx.ProbeDescriptor(descriptor);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_statxUnavailable = true;
            return new FileStatus(FileKind.Other, 0, "");
        }
    }

    private static FileStatus Probe(string path, bool followLinks)
    {
        if (path.Contains('\0')) return new FileStatus(FileKind.Missing, 0, "", "the path contains a NUL character");
        if (!s_statxUnavailable)
        {
            try
            {
                return LinuxStatx.Probe(path, followLinks);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // An old C library without statx: use what .NET can see.
                s_statxUnavailable = true;
            }
        }

        return Managed(path, followLinks);
    }

    private static FileStatus Managed(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (!followLinks) return new FileStatus(FileKind.SymbolicLink, 0, Path.GetFullPath(path));
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists) return FileStatus.Missing;
                info = target;
            }

            if (!info.Exists) return FileStatus.Missing;
            var identity = Path.GetFullPath(info.FullName);
            if (info.Attributes.HasFlag(FileAttributes.Directory)) return new FileStatus(FileKind.Directory, 0, identity);
            if (info.Attributes.HasFlag(FileAttributes.Device)) return new FileStatus(FileKind.CharacterDevice, 0, identity);
            return new FileStatus(FileKind.Regular, ((FileInfo)info).Length, identity);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new FileStatus(FileKind.Missing, 0, "", e.Message);
        }
    }
}
