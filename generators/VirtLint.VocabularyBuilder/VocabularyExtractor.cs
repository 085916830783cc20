using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>The names one document kind allows: for each element name, the union over all its definitions.</summary>
public sealed class KindVocabulary(string kind)
{
    /// <summary>The pseudo element standing for the document: its children are the allowed root elements.</summary>
    public const string DocumentNode = "/";

    /// <summary>Written as a child or (after '@') attribute name: the element accepts any name there.</summary>
    public const string AnyName = "*";

    public string Kind { get; } = kind;

    public SortedDictionary<string, ElementVocabulary> Elements { get; } = new(StringComparer.Ordinal);

    public ElementVocabulary GetOrAdd(string element)
    {
        if (!Elements.TryGetValue(element, out var entry))
            Elements[element] = entry = new ElementVocabulary();
        return entry;
    }
}

public sealed class ElementVocabulary
{
    public SortedSet<string> Attributes { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Children { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Walks a <see cref="RelaxNgGrammar"/> from its start pattern and records, for every element name reachable,
/// the attribute names and the child element names its content allows. The content of an element is everything
/// reachable from it without passing through another <c>&lt;element&gt;</c>; refs are followed (each define at most
/// once per element, so recursive defines terminate). Names in a namespace are left out; an element or attribute
/// named by <c>&lt;anyName/&gt;</c> or <c>&lt;nsName/&gt;</c> makes its parent open (<c>*</c> / <c>@*</c>).
/// Patterns that can never match (<c>&lt;notAllowed/&gt;</c>, directly or through a group, a ref or an element's
/// content) are skipped, the way RelaxNG's simplification removes them: libvirt uses them as placeholders that
/// other schemas override, e.g. storageSourceExtra and privateData.
/// </summary>
public sealed class VocabularyExtractor
{
    private readonly RelaxNgGrammar _grammar;
    private readonly KindVocabulary _vocabulary;
    private readonly Dictionary<XElement, bool> _notAllowed = [];
    private readonly Dictionary<string, bool> _defineNotAllowed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notAllowedInProgress = new(StringComparer.Ordinal);
    private readonly HashSet<XElement> _visitedElements = [];
    private readonly Queue<XElement> _pendingElements = new();

    private VocabularyExtractor(RelaxNgGrammar grammar, string kind)
    {
        _grammar = grammar;
        _vocabulary = new KindVocabulary(kind);
    }

    public static KindVocabulary Extract(RelaxNgGrammar grammar, string kind)
    {
        var extractor = new VocabularyExtractor(grammar, kind);
        extractor.Run();
        return extractor._vocabulary;
    }

    private void Run()
    {
        _vocabulary.GetOrAdd(KindVocabulary.DocumentNode);
        WalkDefine(_grammar.Start, [KindVocabulary.DocumentNode], new HashSet<string>(StringComparer.Ordinal));

        while (_pendingElements.Count > 0)
        {
            var element = _pendingElements.Dequeue();
            var names = ReadNameClass(element, isAttribute: false);
            var parents = names.Names;
            foreach (var name in parents)
                _vocabulary.GetOrAdd(name);

            // The content of an anonymous or namespaced element is still walked: elements it allows are reachable,
            // they just have no parent line to be recorded on.
            foreach (var content in PatternChildren(element))
                Walk(content, parents, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    private void Walk(XElement pattern, IReadOnlyList<string> parents, HashSet<string> seenRefs)
    {
        if (IsNotAllowed(pattern))
            return;

        switch (pattern.Name.LocalName)
        {
            case "element":
                var elementName = ReadNameClass(pattern, isAttribute: false);
                foreach (var parent in parents)
                {
                    var entry = _vocabulary.GetOrAdd(parent);
                    entry.Children.UnionWith(elementName.Names);
                    if (elementName.IsOpen)
                        entry.Children.Add(KindVocabulary.AnyName);
                }

                if (_visitedElements.Add(pattern))
                    _pendingElements.Enqueue(pattern);
                break;

            case "attribute":
                var attributeName = ReadNameClass(pattern, isAttribute: true);
                foreach (var parent in parents)
                {
                    var entry = _vocabulary.GetOrAdd(parent);
                    entry.Attributes.UnionWith(attributeName.Names);
                    if (attributeName.IsOpen)
                        entry.Attributes.Add(KindVocabulary.AnyName);
                }

                break;

            case "ref":
                var refName = pattern.Attribute("name")?.Value.Trim()
                              ?? throw new InvalidDataException($"{RelaxNgGrammar.Where(pattern)}: <ref> without name=.");
                if (seenRefs.Add(refName))
                    WalkDefine(_grammar.GetDefine(refName), parents, seenRefs);
                break;

            case "group" or "interleave" or "choice" or "optional" or "zeroOrMore" or "oneOrMore" or "mixed" or "list":
                foreach (var child in PatternChildren(pattern))
                    Walk(child, parents, seenRefs);
                break;

            case "empty" or "text" or "data" or "value" or "notAllowed":
                break;

            case "parentRef" or "externalRef" or "grammar":
                throw new NotSupportedException($"{RelaxNgGrammar.Where(pattern)}: <{pattern.Name.LocalName}> is not supported.");

            default:
                throw new InvalidDataException($"{RelaxNgGrammar.Where(pattern)}: unexpected <{pattern.Name.LocalName}> in a pattern.");
        }
    }

    private void WalkDefine(RelaxNgDefine define, IReadOnlyList<string> parents, HashSet<string> seenRefs)
    {
        if (IsNotAllowed(define))
            return;
        foreach (var part in define.Parts)
        {
            if (define.Combine == CombineMode.Choice && PatternChildren(part).Any(IsNotAllowed))
                continue; // this alternative can never match
            foreach (var child in PatternChildren(part))
                Walk(child, parents, seenRefs);
        }
    }

    /// <summary>Whether the pattern can match nothing at all, per RelaxNG's notAllowed simplification rules.</summary>
    private bool IsNotAllowed(XElement pattern)
    {
        if (_notAllowed.TryGetValue(pattern, out var known))
            return known;

        var result = pattern.Name.LocalName switch
        {
            "notAllowed" => true,
            "ref" => pattern.Attribute("name") is { } name && IsNotAllowed(_grammar.GetDefine(name.Value.Trim())),
            "choice" => PatternChildren(pattern).All(IsNotAllowed),
            "optional" or "zeroOrMore" => false,
            "group" or "interleave" or "oneOrMore" or "mixed" or "list" or "element" or "attribute"
                => PatternChildren(pattern).Any(IsNotAllowed),
            _ => false,
        };
        _notAllowed[pattern] = result;
        return result;
    }

    private bool IsNotAllowed(RelaxNgDefine define)
    {
        if (_defineNotAllowed.TryGetValue(define.Name, out var known))
            return known;
        if (!_notAllowedInProgress.Add(define.Name))
            return false; // recursion through the define itself: decided by the other parts

        bool PartNotAllowed(XElement part) => PatternChildren(part).Any(IsNotAllowed);
        var result = define.Combine == CombineMode.Choice
            ? define.Parts.All(PartNotAllowed)
            : define.Parts.Any(PartNotAllowed);

        _notAllowedInProgress.Remove(define.Name);
        _defineNotAllowed[define.Name] = result;
        return result;
    }

    /// <summary>The RelaxNG children of a pattern, without annotations and without an element's or attribute's name class.</summary>
    private static IEnumerable<XElement> PatternChildren(XElement pattern)
    {
        var children = pattern.Elements().Where(e => e.Name.Namespace == RelaxNgGrammar.Rng);
        var hasNameClassChild = pattern.Name.LocalName is "element" or "attribute" && pattern.Attribute("name") is null;
        return hasNameClassChild ? children.Skip(1) : children;
    }

    private readonly record struct NameClass(IReadOnlyList<string> Names, bool IsOpen);

    private static NameClass ReadNameClass(XElement pattern, bool isAttribute)
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
}
