using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.Decoding;

namespace VirtLint.Core;

/// <summary>A parsed libvirt document with its source text, so findings can point at exact regions.</summary>
public sealed class LintDocument
{
    private readonly int[] _lineStarts;
    private XElement? _root;
    private DomainProfile? _domain;
    private Baselines.LogicalLocator? _locator;

    public LintDocument(string path, string text, XDocument xml, DocumentKind kind)
        : this(path, text, xml, kind, SourceText.LineStarts(text))
    {
    }

    /// <summary>A document over text whose line map is already known: the inner documents of a node file share one.</summary>
    internal LintDocument(string path, string text, XDocument xml, DocumentKind kind, int[] lineStarts)
    {
        Path = path;
        Text = text;
        Xml = xml;
        Kind = kind;
        _lineStarts = lineStarts;
    }

    public string Path { get; }
    public string Text { get; }
    public XDocument Xml { get; }
    /// <summary>The root element, looked up once: every check starts from it, and the look-up walks the document's nodes with type tests.</summary>
    public XElement Root => _root ?? LookUpRoot();

    // Out of line: every checker reads Root, and the look-up is made once per document.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private XElement LookUpRoot() => _root = Xml.Root!;
    public DocumentKind Kind { get; }

    /// <summary>
    /// The display path of the libvirt test-driver node file this document was taken from (its <see cref="Text"/> is
    /// that whole file, and its lines are the file's); null for a standalone document.
    /// </summary>
    public string? NodeFile { get; init; }

    /// <summary>For a volume nested in a node file's pool: that pool's document; otherwise null.</summary>
    public LintDocument? Pool { get; init; }

    /// <summary>The domain's type, architecture and machine family, read on first use and shared by every rule's scope check.</summary>
    public DomainProfile Domain => _domain ??= DomainProfile.Of(Root);

    /// <summary>
    /// The region of an element's start tag name (from '&lt;' to the end of the name) or of a whole
    /// attribute (name through closing quote). Nodes without line info fall back to their parent element.
    /// </summary>
    public SourceSpan SpanOf(XObject node)
    {
        for (XObject? current = node; current is not null; current = current.Parent)
        {
            if (current is XText && current.Parent is not null && !((IXmlLineInfo)current).HasLineInfo())
                continue;
            var info = (IXmlLineInfo)current;
            if (!info.HasLineInfo())
                continue;
            return current switch
            {
                XElement element => ElementSpan(info.LineNumber, info.LinePosition, element),
                XAttribute => AttributeSpan(info.LineNumber, info.LinePosition),
                _ => SourceSpan.At(info.LineNumber, info.LinePosition),
            };
        }

        return SourceSpan.At(1, 1);
    }

    private SourceSpan ElementSpan(int line, int column, XElement element)
    {
        // Line info points at the name; the region starts at '<' so editors underline the whole tag opening.
        var start = Math.Max(1, column - 1);
        var offset = OffsetOf(line, column);
        var end = offset;
        while (end < Text.Length && SourceText.IsNameChar(Text[end])) end++;
        var length = end > offset ? end - offset : element.Name.LocalName.Length;
        return new SourceSpan(line, start, line, column + length);
    }

    private SourceSpan AttributeSpan(int line, int column)
    {
        var offset = OffsetOf(line, column);
        var i = offset;
        while (i < Text.Length && SourceText.IsNameChar(Text[i])) i++;
        while (i < Text.Length && char.IsWhiteSpace(Text[i])) i++;
        if (i < Text.Length && Text[i] == '=')
        {
            i++;
            while (i < Text.Length && char.IsWhiteSpace(Text[i])) i++;
            if (i < Text.Length && (Text[i] == '\'' || Text[i] == '"'))
            {
                var close = Text.IndexOf(Text[i], i + 1);
                if (close > 0) i = close + 1;
            }
        }

        var (endLine, endColumn) = SourceText.Position(_lineStarts, i);
        return new SourceSpan(line, column, endLine, endColumn);
    }

    /// <summary>The text of a 1-based line without its line terminator, or an empty string past the end.</summary>
    public string LineText(int line) => SourceText.Line(Text, _lineStarts, line);

    /// <summary>The 0-based character offset of a 1-based line and column (the text's length past the end).</summary>
    public int OffsetAt(int line, int column) => OffsetOf(line, column);

    /// <summary>
    /// Whether findings get their logical location and canonical value (baseline identities, SARIF
    /// fingerprints); a run that reports neither leaves them empty rather than build them for every finding.
    /// </summary>
    public bool ComputesIdentity { get; set; } = true;

    /// <summary>The document's logical locator, created on the first finding (one per document, see <see cref="Baselines.LogicalLocator"/>).</summary>
    public Baselines.LogicalLocator Locator => _locator ??= new Baselines.LogicalLocator();

    /// <summary>
    /// A finding on <paramref name="node"/> (null: the document as a whole, at its root element) with everything that
    /// needs the tree computed now: span, offsets, logical location and the canonical flagged value.
    /// </summary>
    public Finding FindingOn(RuleDescriptor rule, Severity severity, string message, XObject? node, SourceSpan? span = null)
    {
        // The workspace of cross-document rules is no file: its findings are located later, in the facts' own files
        // (Linter.Workspace), so nothing here may walk its hundred thousand siblings.
        if (Kind == DocumentKind.Workspace) return new Finding(rule, severity, message, Path, SourceSpan.At(1, 1));
        var at = span ?? SpanOf(node ?? Root);
        return new Finding(rule, severity, message, Path, at)
        {
            StartOffset = OffsetOf(at.StartLine, at.StartColumn),
            EndOffset = OffsetOf(at.EndLine, at.EndColumn),
            LogicalLocation = !ComputesIdentity ? "" : node is null ? (NodeFile is null ? "" : LocationPrefix + Locator.Of(Root)) : LocationPrefix + Locator.Of(node),
            CanonicalValue = ComputesIdentity ? Baselines.ValueHash.Canonical(node) : "",
        };
    }

    /// <summary>Character offsets of a span's start and end in <see cref="Text"/>.</summary>
    public (int Start, int End) OffsetsOf(SourceSpan span) => (OffsetOf(span.StartLine, span.StartColumn), OffsetOf(span.EndLine, span.EndColumn));

    // A node file's volumes are told apart by their pool, as in libvirt (a volume name is unique only within its pool).
    private string LocationPrefix => Pool is null ? "" : Pool.Locator.Of(Pool.Root) + "/";

    private int OffsetOf(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Length) return Text.Length;
        return Math.Min(Text.Length, _lineStarts[line - 1] + column - 1);
    }

}
