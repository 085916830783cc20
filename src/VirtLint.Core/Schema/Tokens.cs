namespace VirtLint.Core.Schema;

/// <summary>RelaxNG's token comparison: libvirt's schema values match after whitespace is collapsed.</summary>
internal static class Tokens
{
    /// <summary>The value without leading or trailing whitespace and with inner runs collapsed to one space; no copy when already so.</summary>
    public static string Normalize(string value)
    {
        if (!NeedsNormalizing(value))
            return value;
        return string.Join(' ', value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool NeedsNormalizing(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\t' or '\n' or '\r') return true;
            if (c == ' ' && (i == 0 || i == value.Length - 1 || value[i + 1] == ' ')) return true;
        }

        return false;
    }
}
