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
        // Digits by hand: most values are PCI address fields ('0x0000', '0x1f'), read several times per address, and
        // the framework's number parsing was most of that time.
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return TryDigits(s[2..], 16, out value);
        return TryDigits(s, s[0] == '0' ? 8u : 10u, out value);
    }

    /// <summary>Only digits of the base (at least one), at most <see cref="uint.MaxValue"/>.</summary>
    private static bool TryDigits(ReadOnlySpan<char> digits, uint radix, out uint value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        ulong number = 0;
        foreach (var c in digits)
        {
            uint digit = c switch
            {
                >= '0' and <= '9' => (uint)(c - '0'),
                >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
                >= 'A' and <= 'F' => (uint)(c - 'A' + 10),
                _ => uint.MaxValue,
            };
            if (digit >= radix) return false;
            number = number * radix + digit;
            if (number > uint.MaxValue) return false;
        }

        value = (uint)number;
        return true;
    }
}
