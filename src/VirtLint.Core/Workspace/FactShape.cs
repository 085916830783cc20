using System.Xml.Linq;

namespace VirtLint.Core.Workspace;

/// <summary>A kind of fact a rule declares: its element name and the names of its values, stored once per rule rather than per fact.</summary>
internal sealed record FactShape(XName Element, XName[] Names)
{
    public bool Is(XName element, XName[] names)
    {
        if (!ReferenceEquals(Element, element)) return false;
        if (ReferenceEquals(Names, names)) return true;
        if (Names.Length != names.Length) return false;
        for (var i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(Names[i], names[i])) return false;
        }

        return true;
    }
}
