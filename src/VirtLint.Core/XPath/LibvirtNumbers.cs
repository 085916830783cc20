using System.Globalization;

namespace VirtLint.Core.XPath;

/// <summary>Numbers as libvirt reads numeric attributes of its XML.</summary>
public static class LibvirtNumbers
{
    /// <summary>
    /// An unsigned integer the way virXMLPropUInt reads one with base 0 (virStrToLong_uip, src/util/virstring.c, over C's
    /// strtoul): optional leading white space, an optional '+', then '0x'/'0X' and hexadecimal digits, or '0' and octal
    /// digits, or decimal digits; nothing may follow; no '-' anywhere; at most 4294967295. Else false.
    /// </summary>
    public static bool TryParseUInt(string text, out uint value)
    {
        value = 0;
        var s = text.AsSpan().TrimStart(" \t\n\v\f\r");
        if (s.Length > 0 && s[0] == '+') s = s[1..];
        if (s.Length == 0) return false;
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            return uint.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (s[0] == '0')
        {
            ulong octal = 0;
            foreach (var c in s)
            {
                if (c is < '0' or > '7') return false;
                octal = octal * 8 + (ulong)(c - '0');
                if (octal > uint.MaxValue) return false;
            }

            value = (uint)octal;
            return true;
        }

        return uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
