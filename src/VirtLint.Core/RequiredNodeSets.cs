using System.Collections.Frozen;
using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// The nodes checks require (<see cref="RuleChecker.RequiredNodes"/>) as bits: one walk of a document sets the bit
/// of each required element and attribute it has, and a check runs when its mask is covered. Asked for every check
/// of every document (100,000 domains: about 28 million times), a few word tests replace hash look-ups.
/// </summary>
public sealed class RequiredNodeSets
{
    // Filled in the constructor and only read after, so threads share them.
    private readonly Dictionary<RequiredNode, int> _bits = [];
    private readonly XNameMap<int> _elements = new();
    private readonly XNameMap<AttributeBits> _attributes = new();
    private readonly int _words;

    public RequiredNodeSets(IEnumerable<RuleChecker> checkers)
    {
        var attributes = new Dictionary<XName, (List<(XName?, int)> Any, Dictionary<string, List<(XName?, int)>> ByValue)>();
        foreach (var checker in checkers)
        {
            foreach (var node in checker.RequiredNodes.SelectMany(clause => clause))
            {
                if (_bits.ContainsKey(node)) continue;
                var bit = _bits.Count;
                _bits[node] = bit;
                if (node.Attribute is not { } name)
                {
                    _elements[node.Element!] = bit;
                    continue;
                }

                if (!attributes.TryGetValue(name, out var entry)) attributes[name] = entry = ([], new Dictionary<string, List<(XName?, int)>>(StringComparer.Ordinal));
                if (node.Value is null)
                {
                    entry.Any.Add((node.Element, bit));
                }
                else
                {
                    if (!entry.ByValue.TryGetValue(node.Value, out var owners)) entry.ByValue[node.Value] = owners = [];
                    owners.Add((node.Element, bit));
                }
            }
        }

        foreach (var (name, (any, byValue)) in attributes)
            _attributes[name] = new AttributeBits([.. any], byValue.Count == 0 ? null : byValue.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        // At least one word: a check needing nothing asks word 0 for no bits.
        _words = Math.Max(1, (_bits.Count + 63) / 64);
    }

    /// <summary>
    /// The bits each of <paramref name="checkers"/> needs, in their order: all of one mask, and at least one of each
    /// other (a clause naming several nodes).
    /// </summary>
    public CheckMasks MasksOf(IReadOnlyList<RuleChecker> checkers)
    {
        var all = new List<(int Word, ulong Bits)[]>(checkers.Count);
        var anyOf = new List<(int Word, ulong Bits)[][]>(checkers.Count);
        foreach (var checker in checkers)
        {
            var required = new ulong[_words];
            var clauses = new List<(int, ulong)[]>();
            foreach (var clause in checker.RequiredNodes)
            {
                var mask = clause.Length == 1 ? required : new ulong[_words];
                foreach (var node in clause)
                {
                    var bit = _bits[node];
                    mask[bit >> 6] |= 1UL << bit;
                }

                if (clause.Length > 1) clauses.Add(Sparse(mask));
            }

            all.Add(Sparse(required));
            anyOf.Add([.. clauses]);
        }

        return new CheckMasks(all, anyOf);
    }

    /// <summary>A mask's words that have a bit set, with their index: a check needs nodes of a few words out of several.</summary>
    private static (int Word, ulong Bits)[] Sparse(ulong[] mask) =>
        [.. mask.Select((bits, word) => (word, bits)).Where(w => w.bits != 0)];

    /// <summary>The bits of the required nodes the element and its descendants have.</summary>
    public ulong[] Of(XElement root)
    {
        var present = new ulong[_words];
        if (_words == 0) return present;
        var attributes = _attributes.Count > 0;
        // Walked through the node links, depth first in document order: no iterator, no stack.
        XElement? element = root;
        while (element is not null)
        {
            if (_elements.TryGetValue(element.Name, out var bit)) present[bit >> 6] |= 1UL << bit;
            if (attributes)
            {
                for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
                {
                    if (!_attributes.TryGetValue(attribute.Name, out var bits)) continue;
                    Set(present, bits.AnyValue, element.Name);
                    if (bits.ByValue is not null && bits.ByValue.TryGetValue(attribute.Value, out var owners)) Set(present, owners, element.Name);
                }
            }

            element = Next(element, root);
        }

        return present;
    }

    /// <summary>The element after <paramref name="element"/> in document order within <paramref name="root"/>, or null.</summary>
    private static XElement? Next(XElement element, XElement root)
    {
        if (FirstElement(element.FirstNode) is { } child) return child;
        for (var current = element; !ReferenceEquals(current, root); current = current.Parent!)
        {
            if (FirstElement(current.NextNode) is { } sibling) return sibling;
        }

        return null;
    }

    private static XElement? FirstElement(XNode? node)
    {
        for (; node is not null; node = node.NextNode)
            if (node is XElement element) return element;
        return null;
    }

    /// <summary>Sets the bit of each required attribute on any element or on one named as <paramref name="element"/>.</summary>
    private static void Set(ulong[] present, (XName? Element, int Bit)[] owners, XName element)
    {
        foreach (var (owner, bit) in owners)
        {
            if (owner is null || owner == element) present[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>The bits of one attribute name: those any value sets, and those of each required value.</summary>
    private sealed record AttributeBits((XName? Element, int Bit)[] AnyValue, FrozenDictionary<string, (XName? Element, int Bit)[]>? ByValue);
}
