using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Rules_prints_an_aligned_table_sorted_by_id()
    {
        var result = _workspace.Run("rules");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("""
            ID      NAME                           SEVERITY  CATEGORY     TITLE
            VL0001  xml-not-well-formed            error     document     File is not well-formed XML
            VL0002  not-a-libvirt-document         warning   document     File is not a libvirt document
            VL1001  disk-bus-not-virtio            warning   performance  Disk uses an emulated bus
            VL1002  vnc-listens-on-all-interfaces  error     security     VNC listens on every interface
            VL1003  clock-offset-localtime         note      correctness  Clock follows local time

            """, result.Stdout);
    }
}
