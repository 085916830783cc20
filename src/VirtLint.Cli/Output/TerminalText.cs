using System.Globalization;
using System.Text;

namespace VirtLint.Cli.Output;

/// <summary>
/// Makes text from documents and file names safe to print on a terminal or in a CI log: C0 and C1 control
/// characters (tab aside), DEL, the line and paragraph separators and the bidirectional embeddings, overrides and
/// isolates are shown as escapes (<c>\x1b</c>, <c>\u202e</c>). Otherwise an attribute value could recolour the
/// screen, forge a finding line with a decoded <c>&amp;#10;</c>, or make a file name read backwards.
/// </summary>
internal static class TerminalText
{
    public static bool MustEscape(char c) =>
        (c < 0x20 && c != '\t') || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029'
        || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';

    public static string Escape(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0) return text;

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++) AppendEscaped(builder, text[i]);
        return builder.ToString();
    }

    /// <summary>How many columns <paramref name="c"/> takes once escaped.</summary>
    public static int Width(char c) => !MustEscape(c) ? 1 : c < 0x80 ? 4 : 6;

    public static void AppendEscaped(StringBuilder builder, char c)
    {
        if (!MustEscape(c))
            builder.Append(c);
        else if (c < 0x80)
            builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        else
            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (MustEscape(text[i])) return i;
        }

        return -1;
    }
}
