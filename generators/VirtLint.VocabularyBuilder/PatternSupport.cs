using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>The names an <c>&lt;element&gt;</c> or <c>&lt;attribute&gt;</c> pattern matches, in no namespace, and whether it matches any name.</summary>
public readonly record struct NameClass(IReadOnlyList<string> Names, bool IsOpen);

/// <summary>Reading RelaxNG patterns: their pattern children and the names they match. Shared by both extractors.</summary>
public static class PatternSupport
{
    /// <summary>The RelaxNG children of a pattern, without annotations and without an element's or attribute's name class.</summary>
    public static IEnumerable<XElement> PatternChildren(XElement pattern)
    {
        var children = pattern.Elements().Where(e => e.Name.Namespace == RelaxNgGrammar.Rng);
        var hasNameClassChild = pattern.Name.LocalName is "element" or "attribute" && pattern.Attribute("name") is null;
        return hasNameClassChild ? children.Skip(1) : children;
    }

    /// <summary>
    /// The names of an element or attribute pattern that are in no namespace (namespaced names are left out);
    /// <c>&lt;anyName&gt;</c> and <c>&lt;nsName&gt;</c> make the name class open.
    /// </summary>
    public static NameClass ReadNameClass(XElement pattern, bool isAttribute)
    {
        if (pattern.Attribute("name") is { } nameAttribute)
        {
            // An attribute's name= is in no namespace unless the attribute itself says ns=; an element's inherits ns=.
            var ns = isAttribute ? pattern.Attribute("ns")?.Value ?? "" : InheritedNamespace(pattern);
            var local = LocalNameWithoutNamespace(nameAttribute.Value.Trim(), ns);
            return new NameClass(local is null ? [] : [local], false);
        }

        var nameClass = pattern.Elements().FirstOrDefault(e => e.Name.Namespace == RelaxNgGrammar.Rng)
                        ?? throw new InvalidDataException($"{RelaxNgGrammar.Where(pattern)}: <{pattern.Name.LocalName}> has no name.");
        var names = new List<string>();
        var open = false;
        CollectNames(nameClass, names, ref open);
        return new NameClass(names, open);
    }

    private static void CollectNames(XElement nameClass, List<string> names, ref bool open)
    {
        switch (nameClass.Name.LocalName)
        {
            case "name":
                var local = LocalNameWithoutNamespace(nameClass.Value.Trim(), InheritedNamespace(nameClass));
                if (local is not null)
                    names.Add(local);
                break;
            case "anyName" or "nsName":
                open = true;
                break;
            case "choice":
                foreach (var child in nameClass.Elements().Where(e => e.Name.Namespace == RelaxNgGrammar.Rng))
                    CollectNames(child, names, ref open);
                break;
            default:
                throw new InvalidDataException($"{RelaxNgGrammar.Where(nameClass)}: unexpected <{nameClass.Name.LocalName}> as a name class.");
        }
    }

    /// <summary>The local name when the name is in no namespace, else null.</summary>
    private static string? LocalNameWithoutNamespace(string qualifiedName, string inheritedNamespace)
    {
        if (qualifiedName.Contains(':'))
            return null; // prefix:name is always namespaced
        return inheritedNamespace.Length == 0 ? qualifiedName : null;
    }

    private static string InheritedNamespace(XElement element) =>
        element.AncestorsAndSelf().Select(e => e.Attribute("ns")).FirstOrDefault(a => a is not null)?.Value ?? "";

    /// <summary>The name a <c>&lt;ref&gt;</c> refers to.</summary>
    public static string RefName(XElement reference) =>
        reference.Attribute("name")?.Value.Trim()
        ?? throw new InvalidDataException($"{RelaxNgGrammar.Where(reference)}: <ref> without name=.");
}
