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
    private readonly NotAllowedAnalysis _notAllowed;
    private readonly HashSet<XElement> _visitedElements = [];
    private readonly Queue<XElement> _pendingElements = new();

    private VocabularyExtractor(RelaxNgGrammar grammar, string kind)
    {
        _grammar = grammar;
        _vocabulary = new KindVocabulary(kind);
        _notAllowed = new NotAllowedAnalysis(grammar);
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
            var names = PatternSupport.ReadNameClass(element, isAttribute: false);
            var parents = names.Names;
            foreach (var name in parents)
                _vocabulary.GetOrAdd(name);

            // The content of an anonymous or namespaced element is still walked: elements it allows are reachable,
            // they just have no parent line to be recorded on.
            foreach (var content in PatternSupport.PatternChildren(element))
                Walk(content, parents, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    private void Walk(XElement pattern, IReadOnlyList<string> parents, HashSet<string> seenRefs)
    {
        if (_notAllowed.IsNotAllowed(pattern))
            return;

        switch (pattern.Name.LocalName)
        {
            case "element":
                var elementName = PatternSupport.ReadNameClass(pattern, isAttribute: false);
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
                var attributeName = PatternSupport.ReadNameClass(pattern, isAttribute: true);
                foreach (var parent in parents)
                {
                    var entry = _vocabulary.GetOrAdd(parent);
                    entry.Attributes.UnionWith(attributeName.Names);
                    if (attributeName.IsOpen)
                        entry.Attributes.Add(KindVocabulary.AnyName);
                }

                break;

            case "ref":
                var refName = PatternSupport.RefName(pattern);
                if (seenRefs.Add(refName))
                    WalkDefine(_grammar.GetDefine(refName), parents, seenRefs);
                break;

            case "group" or "interleave" or "choice" or "optional" or "zeroOrMore" or "oneOrMore" or "mixed" or "list":
                foreach (var child in PatternSupport.PatternChildren(pattern))
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
        if (_notAllowed.IsNotAllowed(define))
            return;
        foreach (var part in define.Parts)
        {
            if (define.Combine == CombineMode.Choice && _notAllowed.IsPartNotAllowed(part))
                continue; // this alternative can never match
            foreach (var child in PatternSupport.PatternChildren(part))
                Walk(child, parents, seenRefs);
        }
    }
}
