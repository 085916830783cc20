using System.Globalization;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>libvirt sizes: a number with an optional <c>unit=</c>; KB/MB/… are powers of 1000, k/KiB/M/MiB/… powers of 1024.</summary>
public static class Sizes
{
    // Elements (and size attributes) whose values libvirt reads in KiB when no unit is given; storage sizes default to bytes.
    private static bool IsKibibyteElement(string name) => name is
        "memory" or "currentMemory" or "maxMemory" or "hard_limit" or "soft_limit" or "swap_hard_limit" or "min_guarantee" or "size" or "page";

    // Atomised once: a string converted to an XName is looked up in the global name table on every call.
    private static readonly XName Unit = "unit";

    public static double ToBytes(XObject node, string? defaultUnit)
    {
        string value;
        string? unit;
        string? elementName;
        switch (node)
        {
            case XElement element:
                value = Xp.StringValue(element);
                unit = element.Attribute(Unit)?.Value;
                elementName = element.Name.LocalName;
                break;
            case XAttribute attribute:
                value = attribute.Value;
                unit = attribute.Parent?.Attribute(Unit)?.Value;
                // The attribute's own name decides the default: <cell memory='…'>, <page size='…'>.
                elementName = attribute.Name.LocalName;
                break;
            default:
                value = Xp.StringValue(node);
                unit = null;
                elementName = null;
                break;
        }

        // XPath's number() reads the plain numbers of nearly every size quickly, to the value the general parser gives;
        // what it refuses (a '+', an exponent) goes to the general parser.
        var number = Xp.Number(value);
        if (double.IsNaN(number) && !double.TryParse(value.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            return double.NaN;
        unit ??= defaultUnit ?? (elementName is not null && IsKibibyteElement(elementName) ? "KiB" : "b");
        var factor = Multiplier(unit);
        return double.IsNaN(factor) ? double.NaN : number * factor;
    }

    /// <summary>The byte multiplier of a libvirt unit name, or NaN for an unknown unit.</summary>
    public static double Multiplier(string unit) => unit switch
    {
        "" or "b" or "B" or "byte" or "bytes" => 1,
        "KB" => 1e3,
        "k" or "K" or "KiB" => 1024d,
        "MB" => 1e6,
        "M" or "MiB" => 1024d * 1024,
        "GB" => 1e9,
        "G" or "GiB" => 1024d * 1024 * 1024,
        "TB" => 1e12,
        "T" or "TiB" => 1024d * 1024 * 1024 * 1024,
        "PB" => 1e15,
        "P" or "PiB" => 1024d * 1024 * 1024 * 1024 * 1024,
        "EB" => 1e18,
        "E" or "EiB" => 1024d * 1024 * 1024 * 1024 * 1024 * 1024,
        _ => double.NaN,
    };
}
