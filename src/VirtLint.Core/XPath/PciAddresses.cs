using System.Globalization;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>Guest PCI addresses (<c>&lt;address type='pci' domain bus slot function/&gt;</c>) as libvirt reads and prints them.</summary>
public static class PciAddresses
{
    /// <summary>
    /// The address in libvirt's notation, <c>dddd:bb:ss.f</c> (virPCIDeviceAddressAsString, src/util/virpci.c), with each
    /// field read by virPCIDeviceAddressParseXML (src/conf/device_conf.c): base 0, a missing field is 0. Empty when a field
    /// is not a number, and for the empty address (domain, bus and slot all 0, virPCIDeviceAddressIsEmpty) that asks
    /// libvirt to pick an address itself (virDeviceInfoPCIAddressIsWanted).
    /// </summary>
    public static string Format(XElement address)
    {
        if (!TryFields(address, out var domain, out var bus, out var slot, out var function))
            return "";
        if (domain == 0 && bus == 0 && slot == 0) return "";
        // Nearly every address has small fields, and documents repeat the same few dozen: those are formatted once per
        // process. The table is direct-mapped (a colliding address replaces the one there) and holds whole entries, so
        // threads share it without locks and it never grows, whatever addresses the input holds.
        if ((domain | bus | slot | function) > 0xFFFF)
            return Text(domain, bus, slot, function);
        var key = (ulong)domain << 48 | (ulong)bus << 32 | (ulong)slot << 16 | function;
        var slotIndex = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - FormattedBits));
        if (s_formatted[slotIndex] is { } known && known.Key == key) return known.Text;
        var text = Text(domain, bus, slot, function);
        Volatile.Write(ref s_formatted[slotIndex], new Formatted(key, text));
        return text;
    }

    private const int FormattedBits = 10;
    private static readonly Formatted?[] s_formatted = new Formatted?[1 << FormattedBits];

    private sealed class Formatted(ulong key, string text)
    {
        public readonly ulong Key = key;
        public readonly string Text = text;
    }

    private static string Text(uint domain, uint bus, uint slot, uint function)
    {
        // Written by hand: the interpolated hexadecimal formats were most of this function's time. Widest: ffffffff:ffffffff:ffffffff.4294967295.
        Span<char> text = stackalloc char[40];
        var length = 0;
        Hex(text, ref length, domain, 4);
        text[length++] = ':';
        Hex(text, ref length, bus, 2);
        text[length++] = ':';
        Hex(text, ref length, slot, 2);
        text[length++] = '.';
        function.TryFormat(text[length..], out var digits, default, CultureInfo.InvariantCulture);
        return new string(text[..(length + digits)]);
    }

    /// <summary>Lower-case hexadecimal digits of <paramref name="value"/>, zero-padded to at least <paramref name="width"/>, as <c>x4</c> formats.</summary>
    private static void Hex(Span<char> text, ref int length, uint value, int width)
    {
        var digits = 1;
        for (var rest = value >> 4; rest != 0; rest >>= 4) digits++;
        digits = Math.Max(digits, width);
        for (var i = digits - 1; i >= 0; i--, value >>= 4) text[length + i] = "0123456789abcdef"[(int)(value & 0xF)];
        length += digits;
    }

    private static readonly XName Domain = "domain";
    private static readonly XName Bus = "bus";
    private static readonly XName Slot = "slot";
    private static readonly XName Function = "function";

    /// <summary>The four fields in one walk of the attributes (an address has about five); false when one is no number.</summary>
    private static bool TryFields(XElement address, out uint domain, out uint bus, out uint slot, out uint function)
    {
        (domain, bus, slot, function) = (0, 0, 0, 0);
        for (var attribute = address.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            var name = attribute.Name;
            // An element's attribute names are unique (XML and LINQ to XML refuse repeats), so each field is met once.
            var parsed = ReferenceEquals(name, Domain) ? LibvirtNumbers.TryParseUInt(attribute.Value, out domain)
                : ReferenceEquals(name, Bus) ? LibvirtNumbers.TryParseUInt(attribute.Value, out bus)
                : ReferenceEquals(name, Slot) ? LibvirtNumbers.TryParseUInt(attribute.Value, out slot)
                : !ReferenceEquals(name, Function) || LibvirtNumbers.TryParseUInt(attribute.Value, out function);
            if (!parsed) return false;
        }

        return true;
    }
}
