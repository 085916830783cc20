using System.Xml;

namespace VirtLint.Core;

/// <summary>Thrown when an element is nested deeper than libxml2 allows; carries the element's position.</summary>
public sealed class XmlDepthLimitException(int depth, int lineNumber, int linePosition)
    : Exception($"Element nested {depth} levels deep.")
{
    public int Depth { get; } = depth;
    public int LineNumber { get; } = lineNumber;
    public int LinePosition { get; } = linePosition;
}

/// <summary>
/// Passes an <see cref="XmlReader"/> through unchanged, but stops at an element nested deeper than
/// <see cref="MaxElementDepth"/>, as libxml2 does. The limit also keeps tree building linear: LINQ to XML walks from a
/// new node's parent up to the root each time it adds one, so an unbounded depth made loading quadratic.
/// </summary>
internal sealed class DepthLimitedXmlReader(XmlReader inner) : XmlReader, IXmlLineInfo
{
    // Cast once: the tree asks for line info at every node, and an interface cast each time showed in profiles.
    private readonly IXmlLineInfo? _lineInfo = inner as IXmlLineInfo;

    /// <summary>
    /// The deepest element libxml2 accepts without XML_PARSE_HUGE (which libvirt does not pass): its parser refuses an
    /// element when 256 elements are already open, so the root plus 256 levels of descendants is the most.
    /// </summary>
    public const int MaxElementDepth = 256;

    public override bool Read()
    {
        if (!inner.Read()) return false;
        if (inner.NodeType == XmlNodeType.Element && inner.Depth > MaxElementDepth)
        {
            var info = (IXmlLineInfo)inner;
            throw new XmlDepthLimitException(inner.Depth + 1, info.LineNumber, info.LinePosition);
        }

        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override bool CanResolveEntity => inner.CanResolveEntity;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    public bool HasLineInfo() => _lineInfo is { } info && info.HasLineInfo();
    public int LineNumber => _lineInfo?.LineNumber ?? 0;
    public int LinePosition => _lineInfo?.LinePosition ?? 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
