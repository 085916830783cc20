using System.Globalization;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>libvirt sizes: a number with an optional <c>unit=</c>; KB/MB/… are powers of 1000, k/KiB/M/MiB/… powers of 1024.</summary>
public static class Sizes
{
    // Elements (and size attributes) whose values libvirt reads in KiB when no unit is given; storage sizes default to bytes.
    private static readonly HashSet<string> KibibyteElements = new(StringComparer.Ordinal)
    {
        "memory", "currentMemory", "maxMemory", "hard_limit", "soft_limit", "swap_hard_limit", "min_guarantee", "size", "page",
    };

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

        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return double.NaN;
        unit ??= defaultUnit ?? (elementName is not null && KibibyteElements.Contains(elementName) ? "KiB" : "b");
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
