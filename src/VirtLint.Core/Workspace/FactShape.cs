using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>A kind of fact a rule declares: its element name and the names of its values, stored once per rule rather than per fact.</summary>
internal sealed record FactShape(XName Element, XName[] Names)
{
    // XNames are atomised: equal names are the same object.
    public bool Is(XName element, XName[] names) => ReferenceEquals(Element, element) && Names.AsSpan().SequenceEqual(names);
}
