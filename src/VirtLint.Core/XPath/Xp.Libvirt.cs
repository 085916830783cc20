using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>Functions for libvirt's conventions: sizes with units, addresses and subnets, file modes, cpusets.</summary>
public static partial class Xp
{
    public static double Bytes(IEnumerable<XObject> nodes) => nodes.FirstOrDefault() is { } node ? Sizes.ToBytes(node, null) : double.NaN;

    public static double Bytes(IEnumerable<XObject> nodes, string defaultUnit) =>
        nodes.FirstOrDefault() is { } node ? Sizes.ToBytes(node, defaultUnit) : double.NaN;

    public static bool InSubnet(string address, string network, string prefixOrNetmask) => IpNetworks.InSubnet(address, network, prefixOrNetmask);

    public static double IpCompare(string left, string right) => IpNetworks.Compare(left, right);

    public static bool IsIpAddress(string s) => IpNetworks.TryParse(s, out _);

    public static string NetworkAddress(string address, string prefixOrNetmask) => IpNetworks.NetworkAddress(address, prefixOrNetmask);

    public static string BroadcastAddress(string address, string prefixOrNetmask) => IpNetworks.BroadcastAddress(address, prefixOrNetmask);

    public static bool IsValidNetmask(string s) => IpNetworks.NetmaskPrefix(s) >= 0;

    public static double PrefixLength(string s) => IpNetworks.PrefixLength(s) is var p && p >= 0 ? p : double.NaN;

    public static bool ModeLooserThan(string mode, string limit) => FileModes.LooserThan(mode, limit);

    public static double CpusetCount(string cpuset) => CpuSets.TryParse(cpuset, out var cpus) ? cpus.Count : double.NaN;

    public static bool CpusetsOverlap(string left, string right) =>
        CpuSets.TryParse(left, out var a) && CpuSets.TryParse(right, out var b) && a.Overlaps(b);
}
