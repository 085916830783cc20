using System.Globalization;
using System.Text;

namespace VirtLint.Rules.Tests.Scaling;

/// <summary>
/// A document with <c>n</c> repeated elements for one rule, and how many findings that rule must report on it (each
/// document ends with one deliberate problem, so the checker is known to have looked at every element).
/// </summary>
public sealed record RepeatedElementCase(string Name, string RuleId, Func<int, string> Build, Func<int, int> ExpectedFindings)
{
    /// <summary>libvirt's cpuset size, VIR_DOMAIN_CPUMASK_LEN: CPU numbers from 16384 on are invalid.</summary>
    private const int CpuLimit = 16384;

    public override string ToString() => Name;

    public static IReadOnlyList<RepeatedElementCase> All { get; } =
    [
        new("disks", "VL1025", Disks, _ => 1),
        new("disks-with-iothreads", "VL1016", DisksWithIothreads, _ => 1),
        new("vcpu-pins", "VL1112", n => Pins(n, ""), _ => 1),
        new("vcpu-pins-and-emulator-pin", "VL1111", n => Pins(n, "<emulatorpin cpuset='0-3'/>"), _ => 1),
        new("vcpu-pins-after-iothread-pins", "VL1110", PinsAfterIothreadPins, _ => 1),
        new("vcpu-schedulers", "VL1116", Schedulers, _ => 1),
        new("numa-cells", "VL1115", n => NumaCells(n, i => i < CpuLimit ? I(i) : null), _ => 1),
        new("numa-cells-wide-ranges", "VL1115", n => NumaCells(n, _ => $"0-{I(CpuLimit - 1)}"), n => n),
        new("pci-addresses", "VL1215", n => PciDevices(n, hostdev: false), _ => 1),
        new("pci-hostdevs", "VL1215", n => PciDevices(n, hostdev: true), _ => 1),
        new("dhcp-hosts-ip", "VL4007", n => DhcpHosts(n, duplicateIp: true), _ => 1),
        new("dhcp-hosts-mac", "VL4008", n => DhcpHosts(n, duplicateIp: false), _ => 1),
        new("dhcp-hosts-and-ranges", "VL4006", DhcpHostsAndRanges, _ => 1),
        new("boot-orders", "VL1323", BootOrders, _ => 1),
        new("numa-cell-ids", "VL1324", NumaCellIds, _ => 1),
        new("iothread-ids", "VL1325", IothreadIds, _ => 1),
        new("usb-buses", "VL1329", n => UsbBuses(n, "<address type='usb' bus='" + I(n) + "' port='1'/>"), _ => 1),
        new("usb-ports", "VL1330", UsbPorts, _ => 1),
        new("usb-buses-port-counts", "VL1331", n => UsbBuses(n, "<address type='usb' bus='0' port='5'/>"), _ => 1),
        new("forward-interfaces", "VL4014", ForwardInterfaces, _ => 1),
    ];

    private static string Domain(string body) => $"""
        <domain type='kvm'>
          <name>scale</name>
          <memory unit='KiB'>4194304</memory>
          <vcpu placement='static'>2</vcpu>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          </os>
        {body}
        </domain>
        """;

    private static string Repeat(int n, Func<int, string> element)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++) sb.Append("    ").Append(element(i)).Append('\n');
        return sb.ToString();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(int value, int digits) => "0x" + value.ToString("x" + I(digits), CultureInfo.InvariantCulture);

    /// <summary>Disk names as libvirt numbers them: vda … vdz, vdaa …</summary>
    private static string DiskName(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) letters = (char)('a' + (i - 1) % 26) + letters;
        return "vd" + letters;
    }

    private static string Disk(string target, string driver = "<driver name='qemu' type='qcow2'/>") =>
        $"<disk type='file' device='disk'>{driver}<source file='/var/lib/libvirt/images/{target}.qcow2'/><target dev='{target}' bus='virtio'/></disk>";

    private static string Disks(int n) => Domain(
        "  <devices>\n" + Repeat(n, i => Disk(DiskName(i))) + "    " + Disk(DiskName(0)) + "\n  </devices>");

    private static string DisksWithIothreads(int n) => Domain(
        $"  <iothreads>{I(n)}</iothreads>\n  <iothreadids>\n" + Repeat(n, i => $"<iothread id='{I(i + 1)}'/>") + "  </iothreadids>\n"
        + "  <devices>\n" + Repeat(n, i => Disk(DiskName(i), $"<driver name='qemu' type='qcow2' iothread='{I(i + 1)}'/>"))
        + "    " + Disk(DiskName(n), $"<driver name='qemu' type='qcow2' iothread='{I(n + 5)}'/>") + "\n  </devices>");

    /// <summary>Pins vCPU i to host CPU i; past the last host CPU, to all of them (a shared pool, never a dedicated CPU).</summary>
    private static string Pins(int n, string extra) => Domain(
        "  <cputune>\n" + Repeat(n, i => $"<vcpupin vcpu='{I(i)}' cpuset='{(i < CpuLimit ? I(i) : $"0-{I(CpuLimit - 1)}")}'/>")
        + (extra.Length > 0 ? "    " + extra : $"    <vcpupin vcpu='{I(n)}' cpuset='0'/>") + "\n  </cputune>");

    private static string PinsAfterIothreadPins(int n) => Domain(
        "  <cputune>\n" + Repeat(n, i => $"<iothreadpin iothread='{I(i + 1)}' cpuset='0-1'/>")
        + Repeat(n, i => $"<vcpupin vcpu='{I(i)}' cpuset='{I(2 + i % (CpuLimit - 2))}'/>") + "  </cputune>");

    private static string Schedulers(int n) => Domain(
        "  <cputune>\n" + Repeat(n, i => $"<vcpusched vcpus='{I(i)}' scheduler='batch'/>")
        + Repeat(n, i => $"<vcpusched vcpus='{I(n + i)}' scheduler='fifo' priority='1'/>") + "  </cputune>");

    /// <summary>Cells with the vCPUs <paramref name="cpus"/> gives, or memory-only cells where it gives null.</summary>
    private static string NumaCells(int n, Func<int, string?> cpus) => Domain(
        "  <cpu mode='host-passthrough'>\n    <numa>\n"
        + Repeat(n, i => $"  <cell id='{I(i)}'{(cpus(i) is { } set ? $" cpus='{set}'" : "")} memory='1024' unit='KiB'/>")
        + $"      <cell id='{I(n)}' cpus='0' memory='1024' unit='KiB'/>\n    </numa>\n  </cpu>");

    /// <summary>Distinct guest addresses from bus 1 on (bus 0 holds the machine's own devices), then one repeat of the first.</summary>
    private static string PciDevices(int n, bool hostdev)
    {
        static string Address(int i) =>
            $"<address type='pci' domain='0x0000' bus='{Hex(1 + i / 256, 2)}' slot='{Hex(i / 8 % 32, 2)}' function='{Hex(i % 8, 1)}'/>";
        string Device(int i) => hostdev
            ? $"<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='{Hex(1 + i / 256, 2)}' slot='{Hex(i / 8 % 32, 2)}' function='{Hex(i % 8, 1)}'/></source>{Address(i)}</hostdev>"
            : $"<interface type='network'><mac address='{Mac(i)}'/><source network='default'/><model type='virtio'/>{Address(i)}</interface>";
        return Domain("  <devices>\n" + Repeat(n, Device) + "    " + Device(0) + "\n  </devices>");
    }

    private static string Mac(int i) => $"52:54:00:{i >> 16 & 0xff:x2}:{i >> 8 & 0xff:x2}:{i & 0xff:x2}";

    /// <summary>n one-address ranges and n hosts beside them (10.1.x.y and 10.2.x.y), then one host inside the last range.</summary>
    private static string DhcpHostsAndRanges(int n)
    {
        static string Address(int network, int i) => $"10.{I(network)}.{I(i / 250)}.{I(2 + i % 250)}";
        return $"""
            <network>
              <name>scale</name>
              <forward mode='nat'/>
              <bridge name='virbr9'/>
              <ip address='10.0.0.1' prefix='8'>
                <dhcp>
            {Repeat(n, i => $"    <range start='{Address(1, i)}' end='{Address(1, i)}'/>")}{Repeat(n, i => $"    <host mac='{Mac(i)}' name='h{I(i)}' ip='{Address(2, i)}'/>")}          <host mac='{Mac(n)}' name='h{I(n)}' ip='{Address(1, n - 1)}'/>
                </dhcp>
              </ip>
            </network>
            """;
    }

    private static string DhcpHosts(int n, bool duplicateIp)
    {
        static string Address(int i) => $"10.{I(i / 62500)}.{I(i / 250 % 250)}.{I(2 + i % 250)}";
        var last = duplicateIp
            ? $"<host mac='{Mac(n)}' name='h{I(n)}' ip='{Address(0)}'/>"
            : $"<host mac='{Mac(0)}' name='h{I(n)}' ip='{Address(n)}'/>";
        return $"""
            <network>
              <name>scale</name>
              <forward mode='nat'/>
              <bridge name='virbr9'/>
              <ip address='10.0.0.1' prefix='8'>
                <dhcp>
            {Repeat(n, i => $"    <host mac='{Mac(i)}' name='h{I(i)}' ip='{Address(i)}'/>")}          {last}
                </dhcp>
              </ip>
            </network>
            """;
    }

    /// <summary>n interfaces booting in turn, then a disk that repeats the first boot order.</summary>
    private static string BootOrders(int n) => Domain(
        "  <devices>\n" + Repeat(n, i => $"<interface type='network'><mac address='{Mac(i)}'/><source network='default'/><boot order='{I(i + 1)}'/></interface>")
        + "    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.qcow2'/><target dev='vda' bus='virtio'/><boot order='1'/></disk>\n  </devices>");

    /// <summary>Cells 0 … n-1, then one more cell 0 (below the cell count, so a duplicate rather than out of range).</summary>
    private static string NumaCellIds(int n) => Domain(
        "  <cpu mode='host-passthrough'>\n    <numa>\n" + Repeat(n, i => $"  <cell id='{I(i)}' memory='1024' unit='KiB'/>")
        + "      <cell id='0' memory='1024' unit='KiB'/>\n    </numa>\n  </cpu>");

    private static string IothreadIds(int n) =>
        Domain($"  <iothreads>{I(n)}</iothreads>\n  <iothreadids>\n" + Repeat(n, i => $"<iothread id='{I(i + 1)}'/>")
        + "    <iothread id='1'/>\n  </iothreadids>");

    /// <summary>n 4-port USB controllers, each with a device on its port 1, then <paramref name="last"/> on a redirection.</summary>
    private static string UsbBuses(int n, string last) => Domain(
        "  <devices>\n" + Repeat(n, i => $"<controller type='usb' index='{I(i)}' model='qemu-xhci'/>")
        + Repeat(n, i => $"<redirdev bus='usb' type='spicevmc'><address type='usb' bus='{I(i)}' port='1'/></redirdev>")
        + $"    <redirdev bus='usb' type='spicevmc'>{last}</redirdev>\n  </devices>");

    /// <summary>n USB devices on ports 1 … n of one bus, then one more on port 1.</summary>
    private static string UsbPorts(int n) => Domain(
        "  <devices>\n    <controller type='usb' index='0' model='qusb2'/>\n"
        + Repeat(n, i => $"<redirdev bus='usb' type='spicevmc'><address type='usb' bus='0' port='{I(i + 1)}'/></redirdev>")
        + "    <redirdev bus='usb' type='spicevmc'><address type='usb' bus='0' port='1'/></redirdev>\n  </devices>");

    private static string ForwardInterfaces(int n) => $"""
        <network>
          <name>scale</name>
          <forward mode='passthrough'>
        {Repeat(n, i => $"<interface dev='eth{I(i)}'/>")}    <interface dev='eth0'/>
          </forward>
        </network>
        """;
}
