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
        if (!TryField(address, Domain, out var domain) || !TryField(address, Bus, out var bus)
            || !TryField(address, Slot, out var slot) || !TryField(address, Function, out var function))
            return "";
        if (domain == 0 && bus == 0 && slot == 0) return "";
        return string.Create(CultureInfo.InvariantCulture, $"{domain:x4}:{bus:x2}:{slot:x2}.{function}");
    }

    private static readonly XName Domain = "domain";
    private static readonly XName Bus = "bus";
    private static readonly XName Slot = "slot";
    private static readonly XName Function = "function";

    private static bool TryField(XElement address, XName name, out uint value)
    {
        value = 0;
        return address.Attribute(name) is not { } attribute || LibvirtNumbers.TryParseUInt(attribute.Value, out value);
    }
}
