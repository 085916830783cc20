using System.Text;
using System.Xml.Linq;

namespace VirtLint.Core.Baselines;

/// <summary>
/// Builds the logical location of a flagged node: the path from the root through libvirt's natural keys, e.g.
/// <c>domain[web01]/devices/disk[vda]/driver/@cache</c>. An element without a key (or sharing its key with a sibling)
/// is told apart by its position among the siblings with the same name and key: <c>devices/video</c>, then
/// <c>devices/video[#2]</c>. Line numbers, indentation and attribute order play no part.
/// </summary>
/// <remarks>
/// The engine creates one locator per document and asks <see cref="Of"/> for each finding's flagged node (for the
/// finding's logical location, the baseline identity and SARIF's <c>virtlint/v1</c> fingerprint). The steps of all
/// children of one name of a parent are computed together, once, so a document's locations cost time linear in its size.
/// </remarks>
public sealed class LogicalLocator
{
    private readonly Dictionary<XElement, string> _steps = [];

    /// <summary>The logical location of an element, attribute, text or comment; the root's location for a document.</summary>
    public string Of(XObject node)
    {
        XElement? element;
        string? tail = null;
        switch (node)
        {
            case XElement e:
                element = e;
                break;
            case XAttribute a:
                element = a.Parent;
                tail = "@" + Name(a.Name);
                break;
            case XDocument d:
                element = d.Root;
                break;
            case XComment:
                element = node.Parent;
                tail = "comment()";
                break;
            default:
                element = node.Parent;
                tail = "text()";
                break;
        }

        var steps = new List<string>();
        if (tail is not null) steps.Add(tail);
        for (var current = element; current is not null; current = current.Parent) steps.Add(Step(current));
        steps.Reverse();
        return string.Join('/', steps);
    }

    private string Step(XElement element)
    {
        if (_steps.TryGetValue(element, out var step)) return step;
        if (element.Parent is null)
        {
            step = Name(element.Name) + Key(NaturalKeys.OfRoot(element));
            _steps[element] = step;
            return step;
        }

        // Every child of this parent with the element's name at once: the occurrence count needs the siblings before
        // each one anyway, and a step begins with the name, so only siblings of that name can share it.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Parent.Elements(element.Name))
        {
            var baseStep = Name(child.Name) + Key(NaturalKeys.Of(child));
            var occurrence = seen.TryGetValue(baseStep, out var count) ? count + 1 : 1;
            seen[baseStep] = occurrence;
            _steps[child] = occurrence == 1 ? baseStep : $"{baseStep}[#{occurrence}]";
        }

        return _steps[element];
    }

    private static string Key(string? key) => key is null ? "" : "[" + Escape(key) + "]";

    // A namespaced name keeps its namespace URI, not its prefix, which a re-dump may change.
    private static string Name(XName name) => name.Namespace == XNamespace.None ? name.LocalName : "{" + Escape(name.NamespaceName) + "}" + name.LocalName;

    // Characters that delimit keys are percent-encoded so that a key's end is unambiguous; '/' stays readable
    // inside a key (a volume key is a path).
    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("[]#%{}\n\r\t") < 0) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '[' or ']' or '#' or '%' or '{' or '}' or '\n' or '\r' or '\t') builder.Append('%').Append(((int)c).ToString("X2"));
            else builder.Append(c);
        }

        return builder.ToString();
    }
}
