using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// Where a fact came from: the input, the flagged node's position (to find it again when a finding needs its logical
/// location, value or suppressions) and its span. Kept as the fact element's annotation; a few ints per fact, so a run
/// of 100,000 documents keeps no tree.
/// </summary>
public sealed class FactOrigin
{
    private FactOrigin(FactSource source, int line, int column, bool isAttribute, SourceSpan span, int startOffset, int endOffset)
    {
        Source = source;
        Line = line;
        Column = column;
        IsAttribute = isAttribute;
        Span = span;
        StartOffset = startOffset;
        EndOffset = endOffset;
    }

    public FactSource Source { get; }

    /// <summary>The node's own line info (the name of an element or attribute), which identifies it in its file.</summary>
    public int Line { get; }

    public int Column { get; }

    public bool IsAttribute { get; }

    public SourceSpan Span { get; }

    public int StartOffset { get; }

    public int EndOffset { get; }

    public static FactOrigin Of(LintDocument document, FactSource source, XObject node)
    {
        // Text and comments have no identity of their own here: a fact on them is located at their element.
        if (node is not (XElement or XAttribute)) node = node.Parent ?? (XObject)document.Root;
        var info = (IXmlLineInfo)node;
        var span = document.SpanOf(node);
        var (start, end) = document.OffsetsOf(span);
        return new FactOrigin(source, info.LineNumber, info.LinePosition, node is XAttribute, span, start, end);
    }

    /// <summary>The fact element's origin; every fact has one.</summary>
    public static FactOrigin Get(XObject fact)
    {
        for (var current = fact; current is not null; current = current.Parent)
        {
            if (current.Annotation<FactOrigin>() is { } origin) return origin;
        }

        throw new InvalidOperationException("A workspace node without an origin: only fact elements can be reported.");
    }
}

/// <summary>The input a document's facts came from, shared by all its facts.</summary>
public sealed record FactSource(LintInput Input)
{
    public string Path => Input.DisplayPath;
}
