using System;
using System.Collections.Generic;
using System.Linq;

namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>The lookup tables of one document kind, built once by <see cref="LibvirtVocabulary.Parse"/>.</summary>
internal sealed class VocabularyKind
{
    private VocabularyKind(string kind, Dictionary<string, Entry> elements)
    {
        Kind = kind;
        Elements = elements;

        var elementNames = new SortedSet<string>(StringComparer.Ordinal);
        var attributeOwners = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var childOwners = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var pair in elements)
        {
            var isDocument = pair.Key == LibvirtVocabulary.DocumentNode;
            if (!isDocument)
                elementNames.Add(pair.Key);
            foreach (var attribute in pair.Value.Attributes.Where(a => a != LibvirtVocabulary.AnyName))
                AddOwner(attributeOwners, attribute, pair.Key);
            foreach (var child in pair.Value.Children.Where(c => c != LibvirtVocabulary.AnyName))
            {
                elementNames.Add(child);
                if (!isDocument)
                    AddOwner(childOwners, child, pair.Key);
            }
        }

        ElementNames = elementNames.ToArray();
        ElementSet = new HashSet<string>(elementNames, StringComparer.Ordinal);
        AttributeNames = attributeOwners.Keys.OrderBy(a => a, StringComparer.Ordinal).ToArray();
        AttributeSet = new HashSet<string>(AttributeNames, StringComparer.Ordinal);
        AttributeOwners = attributeOwners.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
        ChildOwners = childOwners.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
    }

    public string Kind { get; }

    /// <summary>Every element line, including <see cref="LibvirtVocabulary.DocumentNode"/>.</summary>
    public Dictionary<string, Entry> Elements { get; }

    public IReadOnlyList<string> ElementNames { get; }

    public HashSet<string> ElementSet { get; }

    public IReadOnlyList<string> AttributeNames { get; }

    public HashSet<string> AttributeSet { get; }

    /// <summary>Attribute name to the elements that have it, sorted.</summary>
    public Dictionary<string, IReadOnlyList<string>> AttributeOwners { get; }

    /// <summary>Element name to the elements that have it as a child, sorted (the document excluded).</summary>
    public Dictionary<string, IReadOnlyList<string>> ChildOwners { get; }

    private static void AddOwner(Dictionary<string, SortedSet<string>> owners, string name, string owner)
    {
        if (!owners.TryGetValue(name, out var set))
            owners[name] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(owner);
    }

    internal sealed class Entry
    {
        public Entry(IEnumerable<string> attributes, IEnumerable<string> children)
        {
            Attributes = attributes.Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToArray();
            Children = children.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            AttributeSet = new HashSet<string>(Attributes, StringComparer.Ordinal);
            ChildSet = new HashSet<string>(Children, StringComparer.Ordinal);
            AnyAttribute = AttributeSet.Contains(LibvirtVocabulary.AnyName);
            AnyChild = ChildSet.Contains(LibvirtVocabulary.AnyName);
        }

        public IReadOnlyList<string> Attributes { get; }

        public IReadOnlyList<string> Children { get; }

        public HashSet<string> AttributeSet { get; }

        public HashSet<string> ChildSet { get; }

        public bool AnyAttribute { get; }

        public bool AnyChild { get; }
    }

    internal sealed class Builder
    {
        private readonly Dictionary<string, Entry> _elements = new(StringComparer.Ordinal);

        public Builder(string kind) => Kind = kind;

        public string Kind { get; }

        public bool TryAdd(string element, IEnumerable<string> attributes, IEnumerable<string> children)
        {
            if (_elements.ContainsKey(element))
                return false;
            _elements[element] = new Entry(attributes, children);
            return true;
        }

        public VocabularyKind Build() => new(Kind, _elements);
    }
}
