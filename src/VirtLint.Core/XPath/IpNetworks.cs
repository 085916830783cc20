using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace VirtLint.Core.XPath;

/// <summary>IPv4 and IPv6 address arithmetic for network rules. Invalid input never throws: predicates are false, values NaN or empty.</summary>
public static class IpNetworks
{
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var s = text.Trim();
        if (s.Length == 0) return false;
        // IPAddress.TryParse accepts "1" or "1.2" as IPv4; libvirt requires dotted quads.
        if (!s.Contains(':') && s.Count(c => c == '.') != 3) return false;
        return IPAddress.TryParse(s, out address!);
    }

    /// <summary>The address without scope, IPv6 compressed and in lower case: equal for addresses <see cref="Compare"/> finds equal.</summary>
    public static string Canonical(string text) =>
        TryParse(text, out var address) ? new IPAddress(address.GetAddressBytes()).ToString() : "";

    public static bool InSubnet(string address, string network, string prefixOrNetmask)
    {
        if (!TryParse(address, out var a) || !TryParse(network, out var n) || a.AddressFamily != n.AddressFamily) return false;
        var prefix = PrefixLength(prefixOrNetmask);
        var bits = Bits(a);
        if (prefix < 0 || prefix > bits) return false;
        var mask = Mask(prefix, bits);
        return (ToInteger(a) & mask) == (ToInteger(n) & mask);
    }

    public static double Compare(string left, string right)
    {
        if (!TryParse(left, out var a) || !TryParse(right, out var b) || a.AddressFamily != b.AddressFamily) return double.NaN;
        return ToInteger(a).CompareTo(ToInteger(b));
    }

    public static string NetworkAddress(string address, string prefixOrNetmask)
    {
        if (!TryParse(address, out var a)) return "";
        var prefix = PrefixLength(prefixOrNetmask);
        var bits = Bits(a);
        if (prefix < 0 || prefix > bits) return "";
        return FromInteger(ToInteger(a) & Mask(prefix, bits), a.AddressFamily).ToString();
    }

    public static string BroadcastAddress(string address, string prefixOrNetmask)
    {
        if (!TryParse(address, out var a)) return "";
        var prefix = PrefixLength(prefixOrNetmask);
        var bits = Bits(a);
        if (prefix < 0 || prefix > bits) return "";
        var all = (BigInteger.One << bits) - 1;
        return FromInteger(ToInteger(a) | (all ^ Mask(prefix, bits)), a.AddressFamily).ToString();
    }

    /// <summary>A prefix length written as a number, or the prefix of a contiguous IPv4 netmask; -1 when neither.</summary>
    public static int PrefixLength(string prefixOrNetmask)
    {
        var s = prefixOrNetmask.Trim();
        if (int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
            return prefix <= 128 ? prefix : -1;
        return NetmaskPrefix(s);
    }

    /// <summary>
    /// The prefix libvirt uses for a network address: a positive <c>prefix</c>, else the <c>netmask</c>'s, else 64 for
    /// IPv6 and the classful length (8, 16 or 24 by the first octet) for IPv4; -1 when invalid.
    /// </summary>
    public static int EffectivePrefix(string? address, string? prefix, string? netmask, string? family)
    {
        if (prefix is not null && int.TryParse(prefix.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var explicitPrefix) && explicitPrefix > 0)
            return explicitPrefix <= 128 ? explicitPrefix : -1;
        if (!string.IsNullOrWhiteSpace(netmask)) return NetmaskPrefix(netmask!);
        if (family == "ipv6" || (address?.Contains(':') ?? false)) return 64;
        if (address is null || !TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return -1;
        var first = ip.GetAddressBytes()[0];
        return first < 128 ? 8 : first < 192 ? 16 : 24;
    }

    /// <summary>The prefix length of a contiguous IPv4 netmask such as 255.255.255.0, or -1.</summary>
    public static int NetmaskPrefix(string netmask)
    {
        if (!TryParse(netmask, out var mask) || mask.AddressFamily != AddressFamily.InterNetwork) return -1;
        var value = (uint)ToInteger(mask);
        var inverted = ~value;
        // Contiguous when the inverted mask is of the form 0…01…1.
        if ((inverted & (inverted + 1)) != 0) return -1;
        return BitOperations.PopCount(value);
    }

    private static int Bits(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;

    private static BigInteger Mask(int prefix, int bits)
    {
        var all = (BigInteger.One << bits) - 1;
        return prefix == 0 ? BigInteger.Zero : all ^ ((BigInteger.One << (bits - prefix)) - 1);
    }

    private static BigInteger ToInteger(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromInteger(BigInteger value, AddressFamily family)
    {
        var length = family == AddressFamily.InterNetworkV6 ? 16 : 4;
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[length];
        Array.Copy(bytes, Math.Max(0, bytes.Length - length), padded, Math.Max(0, length - bytes.Length), Math.Min(length, bytes.Length));
        return new IPAddress(padded);
    }
}
