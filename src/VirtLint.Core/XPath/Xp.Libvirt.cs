using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>Functions for libvirt's conventions: sizes with units, addresses and subnets, file modes, cpusets.</summary>
public static partial class Xp
{
    public static double Bytes(IEnumerable<XObject> nodes) => nodes.FirstOrDefault() is { } node ? Sizes.ToBytes(node, null) : double.NaN;

    public static double Bytes(IEnumerable<XObject> nodes, string defaultUnit) =>
        nodes.FirstOrDefault() is { } node ? Sizes.ToBytes(node, defaultUnit) : double.NaN;

    /// <summary>The first node's value, or <paramref name="fallback"/> when the node-set is empty (a missing attribute).</summary>
    public static string Default(IEnumerable<XObject> nodes, string fallback) => nodes.FirstOrDefault() is { } node ? StringValue(node) : fallback;

    /// <summary>The value, or <paramref name="fallback"/> when it is empty.</summary>
    public static string Default(string value, string fallback) => value.Length > 0 ? value : fallback;

    public static bool InSubnet(string address, string network, string prefixOrNetmask) => IpNetworks.InSubnet(address, network, prefixOrNetmask);

    public static double IpCompare(string left, string right) => IpNetworks.Compare(left, right);

    public static bool IsIpAddress(string s) => IpNetworks.TryParse(s, out _);

    public static string NetworkAddress(string address, string prefixOrNetmask) => IpNetworks.NetworkAddress(address, prefixOrNetmask);

    public static string BroadcastAddress(string address, string prefixOrNetmask) => IpNetworks.BroadcastAddress(address, prefixOrNetmask);

    public static bool IsValidNetmask(string s) => IpNetworks.NetmaskPrefix(s) >= 0;

    /// <summary>The prefix length of a network's &lt;ip&gt; element, with libvirt's defaults when neither prefix nor netmask is set.</summary>
    public static double IpPrefix(IEnumerable<XObject> nodes) => IpPrefix(nodes.FirstOrDefault());

    public static double IpPrefix(XObject? node) =>
        node is XElement ip && IpNetworks.EffectivePrefix(
            ip.Attribute(IpNames.Address)?.Value, ip.Attribute(IpNames.Prefix)?.Value, ip.Attribute(IpNames.Netmask)?.Value, ip.Attribute(IpNames.Family)?.Value) is var p && p >= 0
            ? p
            : double.NaN;

    public static double PrefixLength(string s) => IpNetworks.PrefixLength(s) is var p && p >= 0 ? p : double.NaN;

    public static bool ModeLooserThan(string mode, string limit) => FileModes.LooserThan(mode, limit);

    public static double CpusetCount(string cpuset) => CpuSet.TryParse(cpuset, out var cpus) ? cpus.Count : double.NaN;

    public static bool CpusetsOverlap(string left, string right) =>
        CpuSet.TryParse(left, out var a) && CpuSet.TryParse(right, out var b) && a.Overlaps(b);

    /// <summary>An unsigned number as libvirt reads numeric attributes (decimal, 0x… hexadecimal, 0… octal); NaN when it is not one.</summary>
    public static double Uint(string value) => LibvirtNumbers.TryParseUInt(value, out var number) ? number : double.NaN;

    /// <summary>The first node's guest PCI address as libvirt prints it; empty for the empty address or an invalid field.</summary>
    public static string PciAddress(IEnumerable<XObject> nodes) => nodes.FirstOrDefault() is XElement address ? PciAddresses.Format(address) : "";

    /// <summary>The address in one canonical text per value (as ip-compare compares them); empty when it is not an address.</summary>
    public static string CanonicalIp(string s) => IpNetworks.Canonical(s);
}

/// <summary>The attributes of a network's &lt;ip&gt;, atomised once rather than looked up in the name table on every call.</summary>
file static class IpNames
{
    public static readonly XName Address = "address", Prefix = "prefix", Netmask = "netmask", Family = "family";
}
