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
                {
                    var builder = new StringBuilder();
                    foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
                        builder.Append(attribute.Name).Append('=').Append(attribute.Value).Append('\n');
                    builder.Append(Collapse(string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value))));
                    return builder.ToString();
                }

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

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
