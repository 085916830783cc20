namespace VirtLint.Cli.Tests.Support;

/// <summary>Small domain documents, each triggering exactly one fake rule (or none).</summary>
internal static class Fixtures
{
    public const string Clean = """
        <domain type='kvm'>
          <name>web</name>
          <devices>
            <disk type='file' device='disk'>
              <target dev='vda' bus='virtio'/>
            </disk>
          </devices>
        </domain>

        """;

    /// <summary>VL1001 (warning) on line 5, columns 25..34: <c>bus='ide'</c>.</summary>
    public const string IdeDisk = """
        <domain type='kvm'>
          <name>web</name>
          <devices>
            <disk type='file' device='disk'>
              <target dev='vda' bus='ide'/>
            </disk>
          </devices>
        </domain>

        """;

    /// <summary>VL1002 (error) on line 4, columns 26..42: <c>listen='0.0.0.0'</c>.</summary>
    public const string VncAnyInterface = """
        <domain type='kvm'>
          <name>desk</name>
          <devices>
            <graphics type='vnc' listen='0.0.0.0'/>
          </devices>
        </domain>

        """;

    /// <summary>VL1003 (note) on line 3, columns 10..28: <c>offset='localtime'</c>.</summary>
    public const string LocalClock = """
        <domain type='kvm'>
          <name>win</name>
          <clock offset='localtime'/>
        </domain>

        """;

    /// <summary>The end tag on line 2 does not match its start tag.</summary>
    public const string NotWellFormed = """
        <domain type='kvm'>
          <name>web</nam>
        </domain>

        """;
}
