using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>Keys for <see cref="KeyIndex"/>: the generated code turns each key expression into a string with these.</summary>
public static partial class Xp
{
    /// <summary>A number as a key: XPath's string of it, and no key (empty) for NaN, which equals nothing.</summary>
    public static string NumberKey(double value) => double.IsNaN(value) ? "" : String(value);

    /// <summary>The node that scopes a key: the group expression's first node, or null when it selects none.</summary>
    public static XObject? FirstOrNull(IEnumerable<XObject> nodes) => nodes.FirstOrDefault();
}
