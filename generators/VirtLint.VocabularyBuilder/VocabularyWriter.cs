using System.Text;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// Writes the vocabulary as plain lines, deterministic and sorted ordinally:
/// <code>
/// [domain]
/// / domain
/// target @bus @dev ... address alias ...
/// </code>
/// A <c>[kind]</c> line starts a section; every other line is an element name, then its attribute names
/// (prefixed with '@'), then its child element names. The line for '/' names the root element(s).
/// '*' / '@*' mean any child element / any attribute name is allowed. '#' starts a comment line.
/// </summary>
public static class VocabularyWriter
{
    public static string Write(IEnumerable<KindVocabulary> kinds, IEnumerable<string> headerLines)
    {
        var text = new StringBuilder();
        foreach (var line in headerLines)
            text.Append("# ").Append(line).Append('\n');

        foreach (var kind in kinds)
        {
            text.Append('\n').Append('[').Append(kind.Kind).Append(']').Append('\n');
            foreach (var (name, element) in kind.Elements)
            {
                text.Append(name);
                foreach (var attribute in element.Attributes)
                    text.Append(" @").Append(attribute);
                foreach (var child in element.Children)
                    text.Append(' ').Append(child);
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
