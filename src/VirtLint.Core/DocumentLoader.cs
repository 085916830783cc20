using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.Decoding;

namespace VirtLint.Core;

/// <summary>
/// The outcome of loading one file: the documents to check (one for a libvirt document, any number for a test-driver
/// node file), or the finding that explains why there are none.
/// </summary>
public sealed record LoadResult(IReadOnlyList<LintDocument> Documents, string Text, Finding? Problem)
{
    /// <summary>The file's first (for a standalone file, only) document; null when there is none.</summary>
    public LintDocument? Document => Documents.Count > 0 ? Documents[0] : null;

    /// <summary>How the bytes were decoded; null when they could not be.</summary>
    public DecodedText? Decoded { get; init; }

    /// <summary>
    /// For a node file: what is left of its tree once the inner documents are taken out (<c>&lt;node&gt;</c> with the
    /// elements that are not linted, and the comments around them), read for the suppressions written there: those
    /// before <c>&lt;node&gt;</c> cover the whole file. Its <see cref="LintDocument.Kind"/> means nothing: no checker runs on it.
    /// </summary>
    public LintDocument? NodeShell { get; init; }

    /// <summary>Where each line of <see cref="Text"/> starts; null when the file did not parse.</summary>
    public int[]? LineStarts { get; init; }

    /// <summary>The region of the file's root element's name (<c>&lt;node</c> for a node file): where findings about the whole file go.</summary>
    public SourceSpan RootSpan { get; init; } = SourceSpan.At(1, 1);
}

/// <summary>
/// Decodes and parses one file with line info and secure settings (no DTD, no external resolution), refusing what
/// libvirt's parser refuses: bytes invalid in the document's encoding and elements nested deeper than libxml2 allows.
/// </summary>
public static class DocumentLoader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = false,
        CloseInput = true,
        // The per-file size limit (LintOptions.MaxFileSize) bounds the document before it is read.
    };

    // One name table per thread, kept across files: element and attribute names are then strings the reader already
    // holds instead of new ones for every file (a name table is not thread-safe, hence one per thread).
    [ThreadStatic] private static XmlReaderSettings? t_settings;

    private static XmlReaderSettings ThreadSettings
    {
        get
        {
            if (t_settings is { } settings) return settings;
            settings = Settings.Clone();
            settings.NameTable = new NameTable();
            return t_settings = settings;
        }
    }

    public static LoadResult Load(string displayPath, byte[] bytes, RuleCatalog catalog)
    {
        var decoding = SourceDecoder.Decode(bytes);
        if (decoding.Error is { } decodeError)
            return Fail(displayPath, SourceDecoder.DecodeForDisplay(bytes), catalog, decodeError.Line, decodeError.Column, decodeError.Message);

        var decoded = decoding.Text!;
        var loaded = Parse(displayPath, decoded.Text, catalog);
        return loaded with { Decoded = decoded };
    }

    private static LoadResult Parse(string displayPath, string text, RuleCatalog catalog)
    {
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
            using var reader = new DepthLimitedXmlReader(XmlReader.Create(new StringReader(text), ThreadSettings));
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlDepthLimitException e)
        {
            // The reader points at the name; the finding starts at the tag's '<'.
            var message = $"The element is nested {e.Depth} levels deep; libvirt's XML parser (libxml2) refuses documents nested deeper than {DepthLimitedXmlReader.MaxElementDepth + 1} levels.";
            return Fail(displayPath, text, catalog, e.LineNumber, Math.Max(1, e.LinePosition - 1), message);
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
        var lineStarts = SourceText.LineStarts(text);
        var document = new LintDocument(displayPath, text, xml, kind ?? DocumentKind.Domain, lineStarts);
        var rootSpan = document.SpanOf(root);
        if (NodeFileSplitter.IsNode(root))
            return new LoadResult(NodeFileSplitter.Split(displayPath, text, lineStarts, root), text, null) { RootSpan = rootSpan, NodeShell = document, LineStarts = lineStarts };
        if (kind is null)
        {
            var message = $"Root element '{root.Name.LocalName}' is not a libvirt domain, pool, volume, network or test-driver node; the file was skipped.";
            var finding = new Finding(catalog.NotLibvirtDocument, catalog.NotLibvirtDocument.DefaultSeverity, message, displayPath, rootSpan);
            return new LoadResult([], text, finding) { RootSpan = rootSpan, LineStarts = lineStarts };
        }

        return new LoadResult([document], text, null) { RootSpan = rootSpan, LineStarts = lineStarts };
    }

    private static LoadResult Fail(string path, string text, RuleCatalog catalog, int line, int column, string message)
    {
        var rule = catalog.NotWellFormed;
        return new LoadResult([], text, new Finding(rule, rule.DefaultSeverity, message, path, SourceSpan.At(line, column)));
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

    private static (int Line, int Column) Position(string text, int offset) => SourceText.Position(SourceText.LineStarts(text), offset);
}
