using System.Globalization;

namespace VirtLint.Core;

/// <summary>Byte counts as people read them and as the <c>--max-file-size</c> option accepts them.</summary>
public static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
        [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10)];

    /// <summary>"16 MiB" for a whole number of units, else "300.5 MiB (315097088 bytes)", else "900 bytes".</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, factor) in Units)
        {
            if (bytes < factor) continue;
            return bytes % factor == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{bytes / factor} {unit}")
                : string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / factor:0.0} {unit} ({bytes} bytes)");
        }

        return bytes == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }

    /// <summary>
    /// Parses "16MiB", "16M", "512KiB", "1G", "1048576" (bytes): a whole number with an optional binary unit, case-insensitive.
    /// </summary>
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || !long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return false;
        long factor = s[digits..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KIB" => 1L << 10,
            "M" or "MIB" => 1L << 20,
            "G" or "GIB" => 1L << 30,
            _ => 0,
        };
        if (factor == 0 || number > long.MaxValue / factor) return false;
        bytes = number * factor;
        return true;
    }
}
