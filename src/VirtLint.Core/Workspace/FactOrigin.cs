using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// Where a fact came from: the input and the flagged node's span, from which its own line info follows (to find the
/// node again when a finding needs its logical location, value or suppressions). Kept as the fact element's
/// annotation, a few words per fact, so a run of 100,000 documents keeps no tree.
/// </summary>
public sealed class FactOrigin
{
    private FactOrigin(FactSource source, SourceSpan span, bool isAttribute)
    {
        Source = source;
        Span = span;
        IsAttribute = isAttribute;
    }

    public FactSource Source { get; }

    public SourceSpan Span { get; }

    public bool IsAttribute { get; }

    /// <summary>The node's own line info: an attribute's span starts at its name, an element's one column before its name, at '&lt;'.</summary>
    public int Line => Span.StartLine;

    public int Column => IsAttribute ? Span.StartColumn : Span.StartColumn + 1;

    public static FactOrigin Of(LintDocument document, FactSource source, XObject node)
    {
        // Text and comments have no identity of their own here: a fact on them is located at their element.
        if (node is not (XElement or XAttribute)) node = node.Parent ?? (XObject)document.Root;
        return new FactOrigin(source, document.SpanOf(node), node is XAttribute);
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
