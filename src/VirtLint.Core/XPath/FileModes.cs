using System.Globalization;

namespace VirtLint.Core.XPath;

/// <summary>Octal permission modes as libvirt writes them in <c>&lt;permissions&gt;&lt;mode&gt;</c>.</summary>
public static class FileModes
{
    public static bool TryParse(string text, out int mode)
    {
        mode = 0;
        var s = text.Trim();
        if (s.Length == 0 || s.Length > 6) return false;
        foreach (var c in s)
        {
            if (c < '0' || c > '7') return false;
            mode = mode * 8 + (c - '0');
        }

        return true;
    }

    /// <summary>True when <paramref name="mode"/> grants a permission bit that <paramref name="limit"/> does not. Invalid modes are not judged.</summary>
    public static bool LooserThan(string mode, string limit) =>
        TryParse(mode, out var m) && TryParse(limit, out var l) && (m & 0x1FF & ~l) != 0;

    public static string Format(int mode) => Convert.ToString(mode, 8).PadLeft(4, '0').ToString(CultureInfo.InvariantCulture);
}
