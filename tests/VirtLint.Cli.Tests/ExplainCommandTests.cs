using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

public sealed class ExplainCommandTests : IDisposable
{
    private const string DiskBusExplanation = """
        VL1001 disk-bus-not-virtio: Disk uses an emulated bus

        Id:                VL1001
        Name:              disk-bus-not-virtio
        Severity:          warning
        Category:          performance
        Tags:              disk, performance
        Target:            domain
        Precision:         very-high

        What it does
          Reports disk uses an emulated bus.

        Why is this bad?
          It makes the guest slower or less safe.

        Example
            <disk type='file'>
              <target dev='vda' bus='ide'/>
            </disk>

        Use instead
            <disk type='file'>
              <target dev='vda' bus='virtio'/>
            </disk>

        References
          - https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms

        Parameters
          allowed-buses (list, default: virtio)
              Buses that are not reported.

        """;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("VL1001")]
    [InlineData("vl1001")]
    [InlineData("disk-bus-not-virtio")]
    public void Explain_prints_metadata_docs_and_parameters_by_id_or_name(string rule)
    {
        var result = _workspace.Run("explain", rule);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal(DiskBusExplanation, result.Stdout);
    }

    [Fact]
    public void Explain_shows_security_severity_and_skips_empty_sections()
    {
        var result = _workspace.Run("explain", "VL1002");

        Assert.Equal("""
            VL1002 vnc-listens-on-all-interfaces: VNC listens on every interface

            Id:                VL1002
            Name:              vnc-listens-on-all-interfaces
            Severity:          error
            Category:          security
            Tags:              graphics, security
            Target:            domain
            Precision:         high
            Security severity: 7.5 (high on GitHub)

            What it does
              Reports vnc listens on every interface.

            Why is this bad?
              It makes the guest slower or less safe.

            """, result.Stdout);
    }

    [Fact]
    public void Unknown_rule_exits_2_with_a_message_on_stderr()
    {
        var result = _workspace.Run("explain", "VL9999");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Equal("virtlint: error: unknown rule 'VL9999'\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
