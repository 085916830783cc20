using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// A node a check needs somewhere in a document (<see cref="RuleChecker.RequiredNodes"/>): an element named
/// <see cref="Element"/> when <see cref="Attribute"/> is null; otherwise an attribute so named, on an element named
/// <see cref="Element"/> when that is set, with exactly the value <see cref="Value"/> when that is set.
/// </summary>
public readonly record struct RequiredNode(XName? Element, XName? Attribute, string? Value)
{
    public static RequiredNode ElementNamed(XName name) => new(name, null, null);

    /// <summary>An attribute named <paramref name="name"/>, with <paramref name="value"/> and on an element named <paramref name="element"/> when given.</summary>
    public static RequiredNode AttributeNamed(XName name, string? value = null, XName? element = null) => new(element, name, value);
}
