using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>
/// Where a fact came from: the input and the flagged node's span, from which its own line info follows (to find the
/// node again when a finding needs its logical location, value or suppressions). Kept as the fact element's
/// annotation while a rule's facts are a tree.
/// </summary>
public sealed class FactOrigin
{
    internal FactOrigin(FactSource source, SourceSpan span, bool isAttribute)
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
