using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>The outcome of loading one file: a document to check, or the finding that explains why there is none.</summary>
public sealed record LoadResult(LintDocument? Document, string Text, Finding? Problem);

/// <summary>Decodes and parses one file with line info and secure settings (no DTD, no external resolution).</summary>
public static class DocumentLoader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        CloseInput = true,
        MaxCharactersInDocument = 64L * 1024 * 1024,
    };

    public static LoadResult Load(string displayPath, byte[] bytes, RuleCatalog catalog)
    {
        var text = Decode(bytes);
        if (text.Length == 0 || text.AsSpan().Trim().IsEmpty)
            return Fail(displayPath, text, catalog, 1, 1, "The file is empty; expected a libvirt XML document.");

        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = Position(text, nul);
            return Fail(displayPath, text, catalog, line, column, "The file contains a NUL byte; it is binary, not XML.");
        }

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            var (line, column) = (Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition));
            var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
            // The reader reports a prohibited DTD without a useful position; point at the declaration itself.
            if (doctype >= 0 && e.Message.Contains("DTD", StringComparison.Ordinal))
            {
                (line, column) = Position(text, doctype);
                var name = new string(text.AsSpan(doctype + 9).TrimStart().ToString().TakeWhile(SourceText.IsNameChar).ToArray());
                return Fail(displayPath, text, catalog, line, column, $"The document declares a DTD for '{name}', which VirtLint refuses to process for safety.");
            }

            return Fail(displayPath, text, catalog, line, column, Describe(e));
        }

        var root = xml.Root!;
        var kind = root.Name.Namespace == XNamespace.None ? DocumentKinds.FromRootElement(root.Name.LocalName) : null;
        var document = new LintDocument(displayPath, text, xml, kind ?? DocumentKind.Domain);
        if (kind is null)
        {
            var message = $"Root element '{root.Name.LocalName}' is not a libvirt domain, pool, volume or network; the file was skipped.";
            var finding = new Finding(catalog.NotLibvirtDocument, catalog.NotLibvirtDocument.DefaultSeverity, message, displayPath, document.SpanOf(root));
            return new LoadResult(null, text, finding);
        }

        return new LoadResult(document, text, null);
    }

    private static LoadResult Fail(string path, string text, RuleCatalog catalog, int line, int column, string message)
    {
        var rule = catalog.NotWellFormed;
        return new LoadResult(null, text, new Finding(rule, rule.DefaultSeverity, message, path, SourceSpan.At(line, column)));
    }

    // XmlException messages end with " Line n, position m."; the location is reported separately.
    private static string Describe(XmlException e)
    {
        var message = e.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0) message = message[..at];
        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    /// <summary>UTF-8 unless a byte-order mark says otherwise; invalid sequences become U+FFFD rather than failing.</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
    }

    private static (int Line, int Column) Position(string text, int offset) => SourceText.Position(SourceText.LineStarts(text), offset);
}
