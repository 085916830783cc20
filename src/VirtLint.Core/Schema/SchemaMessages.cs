using System.Text;
using System.Xml.Linq;
using VirtLint.RuleLanguage.Vocabulary;

namespace VirtLint.Core.Schema;

/// <summary>The messages of the schema checks: one sentence naming the place, with a did-you-mean from what is allowed there.</summary>
internal static class SchemaMessages
{
    /// <summary>A closed set this small is listed in full when nothing in it is close to what was written.</summary>
    private const int MaxValuesListed = 8;

    /// <summary>Names and values are shortened to this many characters in messages.</summary>
    private const int MaxQuotedLength = 64;

    public static string UnknownElement(SchemaModel schema, Place place, XElement parent, string name)
    {
        var hint = schema.TryGetAttribute(place.Context, name, out _)
            ? $"; {Quote(name)} is allowed there as an attribute, not as an element"
            : Closest("name", name, schema.ChildNames(place.Context));
        var union = Place.UnionOf(schema, parent);
        var narrowed = union != SchemaModel.None && schema.TryGetChild(union, name, out _);
        return $"Element {Quote(name)} is not allowed in {Where(parent, place, narrowed)}{hint}.";
    }

    public static string UnknownAttribute(SchemaModel schema, Place place, XElement element, string name)
    {
        var hint = schema.TryGetChild(place.Context, name, out _)
            ? $"; {Quote(name)} is allowed there as a child element, not as an attribute"
            : Closest("name", name, schema.AttributeNames(place.Context));
        var union = Place.UnionOf(schema, element);
        var narrowed = union != SchemaModel.None && schema.TryGetAttribute(union, name, out _);
        return $"Attribute {Quote(name)} is not allowed on {Where(element, place, narrowed)}{hint}.";
    }

    public static string AttributeValue(SchemaModel schema, Place place, int values, XElement element, string attribute, string value)
    {
        var union = Place.UnionOf(schema, element);
        var narrowed = union != SchemaModel.None && schema.TryGetAttribute(union, attribute, out var unionValues)
            && (unionValues == SchemaModel.None || schema.Contains(unionValues, value));
        var what = value.Length == 0 ? "An empty value" : "Value " + Quote(value);
        return $"{what} is not allowed for attribute {Quote(attribute)} of {Where(element, place, narrowed)}{ValueHint(schema.Values(values), value)}.";
    }

    public static string TextValue(SchemaModel schema, Place place, int values, XElement element, string value)
    {
        var union = Place.UnionOf(schema, element);
        var unionValues = union == SchemaModel.None ? SchemaModel.None : schema.TextValueSet(union);
        var narrowed = union != SchemaModel.None && (unionValues == SchemaModel.None || schema.Contains(unionValues, value));
        return $"Value {Quote(value)} is not allowed as the text of {Where(element, place, narrowed)}{ValueHint(schema.Values(values), value)}.";
    }

    /// <summary>
    /// The element as the message names it; with the discriminating attribute that decided what it may hold when
    /// that is what made the name or value wrong (it would be allowed without the narrowing).
    /// </summary>
    private static string Where(XElement element, Place place, bool narrowed)
    {
        if (place.Narrowing is not { } narrowing || !narrowed)
            return $"<{element.Name.LocalName}>";
        return narrowing.Element == element ? narrowing.Label : $"<{element.Name.LocalName}> under {narrowing.Label}";
    }

    private static string Closest(string what, string name, IReadOnlyList<string> candidates) =>
        EditDistance.Closest(name, candidates) is { } closest ? $"; the closest allowed {what} is '{closest}'" : "";

    private static string ValueHint(IReadOnlyList<string> allowed, string value)
    {
        var closest = Closest("value", value, allowed);
        if (closest.Length > 0)
            return closest;
        if (allowed.Count > MaxValuesListed)
            return $"; it is none of the {allowed.Count} values libvirt's schema allows there";

        var text = new StringBuilder(allowed.Count == 1 ? "; the only allowed value is " : "; the allowed values are ");
        for (var i = 0; i < allowed.Count; i++)
        {
            if (i > 0) text.Append(i == allowed.Count - 1 ? " and " : ", ");
            text.Append('\'').Append(allowed[i]).Append('\'');
        }

        return text.ToString();
    }

    private static string Quote(string text) => $"'{Shorten(text)}'";

    public static string Shorten(string text) => text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "…");
}
