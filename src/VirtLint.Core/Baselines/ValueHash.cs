using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace VirtLint.Core.Baselines;

/// <summary>
/// A short hash of the flagged value, so that a baseline entry resurfaces when the value changes: an attribute's
/// value; an element's attributes (sorted by name, so their order does not matter) and its own text with whitespace
/// collapsed (so re-indenting does not matter); a text or comment node's collapsed text.
/// </summary>
public static class ValueHash
{
    public static string Of(XObject? node) => Hash(Canonical(node));

    /// <summary>16 hex digits (64 bits) of SHA-256 over the UTF-8 text.</summary>
    public static string Hash(string canonical)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonical), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }

    internal static string Canonical(XObject? node)
    {
        switch (node)
        {
            case XAttribute attribute:
                return attribute.Value;
            case XElement element:
                return CanonicalElement(element);

            case XComment comment:
                return Collapse(comment.Value);
            case XText text:
                return Collapse(text.Value);
            case XDocument document:
                return Canonical(document.Root);
            default:
                return "";
        }
    }

    // Made for every finding SARIF or a baseline identifies (most flag an element): no LINQ, and no text copied when
    // the element's own text is only indentation.
    private static string CanonicalElement(XElement element)
    {
        var attributes = new List<XAttribute>();
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
            if (!attribute.IsNamespaceDeclaration) attributes.Add(attribute);
        // An element's attribute names are distinct, so the order is total.
        if (attributes.Count > 1) attributes.Sort(static (a, b) => string.CompareOrdinal(a.Name.ToString(), b.Name.ToString()));
        var builder = new StringBuilder();
        foreach (var attribute in attributes) builder.Append(attribute.Name.ToString()).Append('=').Append(attribute.Value).Append('\n');

        string? text = null;
        StringBuilder? texts = null;
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is not XText part) continue;
            if (text is null) text = part.Value;
            else (texts ??= new StringBuilder(text)).Append(part.Value);
        }

        if (text is not null) AppendCollapsed(builder, texts?.ToString() ?? text);
        return builder.ToString();
    }

    /// <summary>The words of the text (split at white space) joined by single spaces.</summary>
    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        AppendCollapsed(builder, text);
        return builder.ToString();
    }

    private static void AppendCollapsed(StringBuilder builder, string text)
    {
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i == start) break;
            if (words++ > 0) builder.Append(' ');
            builder.Append(text, start, i - start);
        }
    }
}
