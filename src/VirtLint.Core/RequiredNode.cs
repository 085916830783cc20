using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// A node a check needs somewhere in a document (<see cref="RuleChecker.RequiredNodes"/>): an element named
/// <see cref="Name"/>, or, when <see cref="Value"/> is set, an attribute so named with exactly that value.
/// </summary>
public readonly record struct RequiredNode(XName Name, string? Value)
{
    public static RequiredNode Element(XName name) => new(name, null);

    public static RequiredNode Attribute(XName name, string value) => new(name, value);
}
