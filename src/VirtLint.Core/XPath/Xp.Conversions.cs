using System.Globalization;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

public static partial class Xp
{
    /// <summary>The XPath string-value of a node.</summary>
    public static string StringValue(XObject node) => node switch
    {
        XAttribute attribute => attribute.Value,
        // An element holding one text node (almost every valued element) has that text as its value: no concatenation.
        XElement { FirstNode: XText text } element when ReferenceEquals(text, element.LastNode) => text.Value,
        XElement element => element.Value,
        XText text => text.Value,
        XDocument document => document.Root?.Value ?? "",
        _ => "",
    };

    public static IEnumerable<string> Values(IEnumerable<XObject> nodes) => nodes.Select(StringValue);

    public static string String(IEnumerable<XObject> nodes)
    {
        foreach (var node in nodes) return StringValue(node);
        return "";
    }

    public static string String(string value) => value;

    public static string String(bool value) => value ? "true" : "false";

    public static string String(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return ((long)value).ToString(CultureInfo.InvariantCulture);
        return value.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>XPath number(): optional minus, digits with an optional fraction, surrounding whitespace; anything else is NaN.</summary>
    public static double Number(string value)
    {
        var s = value.AsSpan().Trim();
        if (s.IsEmpty) return double.NaN;
        var i = s[0] == '-' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) digits++;
            else if (s[i] == '.' && !dot) dot = true;
            else return double.NaN;
        }

        if (digits == 0) return double.NaN;
        // Whole numbers of up to 15 digits (indexes, ports, counts: most values) are exact as doubles: read by hand.
        if (!dot && digits <= 15)
        {
            long whole = 0;
            foreach (var c in s[(s[0] == '-' ? 1 : 0)..]) whole = whole * 10 + (c - '0');
            return s[0] == '-' ? -(double)whole : whole;
        }

        return double.Parse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    public static double Number(IEnumerable<XObject> nodes) => Number(String(nodes));

    public static double Number(double value) => value;

    public static double Number(bool value) => value ? 1 : 0;

    public static bool Boolean(IEnumerable<XObject> nodes) => nodes.Any();

    public static bool Boolean(IReadOnlyList<string> values) => values.Count > 0;

    public static bool Boolean(string value) => value.Length > 0;

    public static bool Boolean(double value) => value != 0 && !double.IsNaN(value);

    public static bool Boolean(bool value) => value;
}
