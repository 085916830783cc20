using System.Runtime.InteropServices;

namespace VirtLint.Core.Files;

/// <summary>
/// <c>statx(2)</c>, whose result layout is the same on every Linux architecture (unlike <c>struct stat</c>), so one
/// declaration serves x86-64 and arm64 alike. Fields are in the machine's byte order.
/// </summary>
internal static partial class LinuxStatx
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const int BufferSize = 256;

    private const int Enoent = 2;
    private const int Enotdir = 20;

    // Offsets in struct statx (linux/stat.h).
    private const int UidOffset = 20;
    private const int GidOffset = 24;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int SizeOffset = 40;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int directoryFd, string path, int flags, uint mask, byte* buffer);

    public static FileStatus Probe(string path, bool followLinks) =>
        Read(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow);

    /// <summary>An open descriptor (standard output: a pipe, a terminal, a file).</summary>
    public static FileStatus ProbeDescriptor(int descriptor) => Read(descriptor, "", AtEmptyPath);

    private static unsafe FileStatus Read(int directoryFd, string path, int flags)
    {
        // On the stack: a walk asks once or twice per file.
        var bytes = stackalloc byte[BufferSize];
        var buffer = new ReadOnlySpan<byte>(bytes, BufferSize);
        if (Statx(directoryFd, path, flags, StatxBasicStats, bytes) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is Enoent or Enotdir
                ? FileStatus.Missing
                : new FileStatus(FileKind.Missing, 0, "", Marshal.GetPInvokeErrorMessage(errno).ToLowerInvariant());
        }

        var mode = MemoryMarshal.Read<ushort>(buffer.Slice(ModeOffset));
        var identity = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{MemoryMarshal.Read<uint>(buffer.Slice(DeviceMajorOffset))}:{MemoryMarshal.Read<uint>(buffer.Slice(DeviceMinorOffset))}:{MemoryMarshal.Read<ulong>(buffer.Slice(InodeOffset))}");
        var size = (long)MemoryMarshal.Read<ulong>(buffer.Slice(SizeOffset));
        return new FileStatus(KindOf(mode), size, identity, null,
            MemoryMarshal.Read<uint>(buffer.Slice(UidOffset)), MemoryMarshal.Read<uint>(buffer.Slice(GidOffset)));
    }

    private static FileKind KindOf(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        _ => FileKind.Other,
    };
}
