using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// The element test of the hot loops over sibling links. XElement is not sealed, so <c>node is XElement</c> is quick
/// only for an element: any other node goes through the runtime's type-hierarchy check. Whitespace text lies between
/// most elements of a pretty-printed document, so it is recognised first by its exact type.
/// </summary>
internal static class ElementTest
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static XElement? AsElement(XNode? node) => node is null || node.GetType() == typeof(XText) ? null : node as XElement;
}
