using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>
/// A node-set of at most one node, as generated checkers hold it without allocating: the node or null. Paths such as
/// <c>@bus</c> or <c>../../@prefix</c> become <c>Xp.AttributeValue(Xp.ParentNode(n), Name_prefix)</c>; the overloads
/// below take the first node of a node-set, so each computes what its node-set overload computes.
/// </summary>
public static partial class Xp
{
    public static XObject? DocumentNode(XObject node) => node.Document;

    /// <summary>The parent, as <see cref="Parent(XObject)"/>: the document for the root element.</summary>
    public static XObject? ParentNode(XObject? node) => node is null ? null : ParentOf(node);

    public static XAttribute? AttributeNode(XObject? node, XName name) => (node as XElement)?.Attribute(name);

    /// <summary>The attribute's value, or null when there is no such attribute: <c>Xp.AttributeValue(n, Name_bus) == "ide"</c>.</summary>
    public static string? AttributeValue(XObject? node, XName name) => (node as XElement)?.Attribute(name)?.Value;

    /// <summary>The node when it is an element named <paramref name="name"/>, as <see cref="SelfNamed(XObject, XName)"/>.</summary>
    public static XObject? SelfElement(XObject? node, XName name) => node is XElement e && e.Name == name ? node : null;

    /// <summary>The node when it is an element.</summary>
    public static XObject? ElementOrNull(XObject? node) => node as XElement;

    /// <summary>The node when it passes a name test as <see cref="Named"/> applies it (an element or an attribute of that name).</summary>
    public static XObject? NamedOrNull(XObject? node, XName name) => node is not null && IsNamed(node, name) ? node : null;

    public static bool IsNamed(XObject node, XName name) => node is XElement e ? e.Name == name : node is XAttribute a && a.Name == name;

    /// <summary>The first child element named <paramref name="name"/>, as the first node of <see cref="Child(XObject, XName)"/>.</summary>
    public static XElement? FirstChild(XObject? node, XName name) => node switch
    {
        XContainer container => ChildIndex.First(container, name),
        _ => null,
    };

    /// <summary>The first node of a <c>let</c>'s nodes.</summary>
    public static XObject? FirstOrNull(IReadOnlyList<XObject> nodes) => nodes.Count > 0 ? nodes[0] : null;

    /// <summary>The string-value of a node, or null for no node.</summary>
    public static string? ValueOrNull(XObject? node) => node is null ? null : StringValue(node);

    /// <summary>The node a finding points at: the location's node, else the context node.</summary>
    public static XObject FirstOr(XObject? node, XObject fallback) => node ?? fallback;

    public static string String(XObject? node) => node is null ? "" : StringValue(node);

    public static double Number(XObject? node) => Number(String(node));

    public static string Name(XObject? node) => node switch
    {
        XElement e => e.Name.LocalName,
        XAttribute a => a.Name.LocalName,
        _ => "",
    };

    public static string LocalName(XObject? node) => Name(node);

    public static double Bytes(XObject? node) => node is null ? double.NaN : Sizes.ToBytes(node, null);

    public static double Bytes(XObject? node, string defaultUnit) => node is null ? double.NaN : Sizes.ToBytes(node, defaultUnit);

    public static string Default(XObject? node, string fallback) => node is null ? fallback : StringValue(node);

    public static string PciAddress(XObject? node) => node is XElement address ? PciAddresses.Format(address) : "";

    // ---- comparisons of an optional value (null: the empty node-set) with a string or a number ----

    /// <summary><c>value != right</c> for a node-set of at most one node: true when there is a node and its value differs.</summary>
    public static bool NotEqual(string? value, string right) => value is not null && !string.Equals(value, right, StringComparison.Ordinal);

    /// <summary>A relational comparison (or any comparison with a number): the value compared as a number.</summary>
    public static bool Compare(CompareOp op, string? value, double right) => value is not null && CompareNumbers(op, Number(value), right);

    /// <summary>A node's value compared with a string as <see cref="Compare(CompareOp, IEnumerable{string}, string)"/> compares each value.</summary>
    public static bool CompareValue(CompareOp op, string value, string right) => op switch
    {
        CompareOp.Equal => string.Equals(value, right, StringComparison.Ordinal),
        CompareOp.NotEqual => !string.Equals(value, right, StringComparison.Ordinal),
        _ => CompareNumbers(op, Number(value), Number(right)),
    };

    public static bool In(string? value, FrozenSet<string> set) => value is not null && set.Contains(value);

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, FrozenSet<string>> s_stringSets = new();

    /// <summary>
    /// A list parameter as a set for <c>@bus = $buses</c>, built once per list: a list belongs to a rule's defaults or to
    /// one configuration's parameters, so every document checked with the same parameters shares one set.
    /// </summary>
    public static FrozenSet<string> StringSet(IReadOnlyList<string> values) =>
        s_stringSets.TryGetValue(values, out var set) ? set : s_stringSets.GetValue(values, v => v.ToFrozenSet(StringComparer.Ordinal));
}
