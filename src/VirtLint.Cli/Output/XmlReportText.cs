using System.Text;
using System.Xml;

namespace VirtLint.Cli.Output;

/// <summary>Text for the XML reports (JUnit, Checkstyle).</summary>
internal static class XmlReportText
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>
    /// XML 1.0 cannot carry most control characters at all, not even as character references, and a report viewer
    /// is an HTML page where bidirectional overrides reorder text: such characters become visible escapes
    /// (<c>\x1b</c>, <c>\u202e</c>), as on a terminal. The XML writer then escapes markup (&lt;, &amp;, quotes).
    /// </summary>
    public static string Clean(string text)
    {
        var builder = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unsafeChar = TerminalText.MustEscape(c) || c is '\uFFFE' or '\uFFFF' || IsLoneSurrogate(text, i);
            if (unsafeChar)
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                if (TerminalText.MustEscape(c)) TerminalText.AppendEscaped(builder, c);
                else builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    public static XmlWriter CreateWriter(TextWriter output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        OmitXmlDeclaration = true,
        CloseOutput = false,
    });

    private static bool IsLoneSurrogate(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        return char.IsLowSurrogate(c);
    }
}
