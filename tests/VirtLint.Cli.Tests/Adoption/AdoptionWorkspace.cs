using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests.Adoption;

/// <summary>A git working tree holding one real domain, linted with the built-in rules: what a new user starts from.</summary>
internal sealed class AdoptionWorkspace : IDisposable
{
    /// <summary>Findings (concise format): VL1103 1:1, VL1218 5:25, VL1205 and VL1206 7:3, VL1001 11:25, VL1202 13:51.</summary>
    public const string Domain = """
        <domain type='kvm'>
          <name>web01</name>
          <memory unit='KiB'>2097152</memory>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          </os>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='raw' cache='none'/>
              <source file='/var/lib/libvirt/images/web01.img'/>
              <target dev='hda' bus='ide'/>
            </disk>
            <graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0'/>
          </devices>
        </domain>

        """;

    public const string CpuModel = "warning VL1103 The domain 'web01' sets no CPU mode or model, so QEMU presents the generic 'qemu64' CPU; use 'host-passthrough' or 'host-model'.";
    public const string MachineType = "VL1218 Machine type 'pc-q35-7.2' is deprecated in QEMU 10.2, which deprecates versioned machine types after three years and removes them after six; move the guest to a newer machine type.";
    public const string GuestAgent = "VL1205 The domain 'web01' has no 'org.qemu.guest_agent.0' channel, so the QEMU guest agent cannot be reached.";
    public const string Rng = "VL1206 The domain 'web01' has no 'virtio' RNG device, so the guest must gather entropy on its own.";
    public const string IdeBus = "VL1001 Disk 'hda' uses the emulated 'ide' bus; use 'virtio' (or 'scsi' on a virtio-scsi controller).";
    public const string VncOpen = "VL1202 The 'vnc' console listens on all addresses '0.0.0.0' without a password; set 'passwd' or listen on '127.0.0.1'.";

    private readonly Workspace _workspace = new();

    public AdoptionWorkspace() => _workspace.InitGitRepository(".");

    public string Root => _workspace.Root;

    public string Write(string relativePath, string content) => _workspace.Write(relativePath, content.ReplaceLineEndings("\n"));

    public string Read(string relativePath) => _workspace.Read(relativePath);

    public string PathOf(string relativePath) => _workspace.PathOf(relativePath);

    public CliResult Run(params string[] args) => _workspace.Run(args, stdin: "", catalog: BuiltInRules.Catalog);

    public CliResult RunIn(string relativeDirectory, params string[] args) =>
        _workspace.Run(args, stdin: "", catalog: BuiltInRules.Catalog, currentDirectory: _workspace.PathOf(relativeDirectory));

    /// <summary>The finding lines of a concise report (the summary lines dropped).</summary>
    public static string[] Findings(CliResult result) =>
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Checked ", StringComparison.Ordinal) && !l.StartsWith("Failed by ", StringComparison.Ordinal)).ToArray();

    public void Dispose() => _workspace.Dispose();
}
