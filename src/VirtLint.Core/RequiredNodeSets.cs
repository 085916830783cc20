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
    // Filled in the constructor and only read after, so threads share them: the bit of each required node, and what
    // an element of each name sets (its own bit, and its attributes'), those of other names setting only the bits of
    // attributes required on any element.
    private readonly Dictionary<RequiredNode, int> _bits = [];
    private readonly XNameMap<ElementBits> _byElement = new();
    private readonly ElementBits _otherElements;
    private readonly int _words;

    public RequiredNodeSets(IEnumerable<RuleChecker> checkers)
    {
        foreach (var checker in checkers)
        {
            foreach (var node in checker.RequiredNodes.SelectMany(clause => clause))
                _bits.TryAdd(node, _bits.Count);
        }

        // Attributes required on any element (no owner) count on every element, those of a named owner on it alone.
        _otherElements = BitsOf(null);
        foreach (var name in _bits.Keys.Select(n => n.Element).OfType<XName>().Distinct())
            _byElement[name] = BitsOf(name);
        // At least one word: a check needing nothing asks word 0 for no bits.
        _words = Math.Max(1, (_bits.Count + 63) / 64);
    }

    /// <summary>What an element named <paramref name="element"/> (null: of a name no node requires) sets.</summary>
    private ElementBits BitsOf(XName? element)
    {
        var own = element is null ? -1 : _bits.TryGetValue(RequiredNode.ElementNamed(element), out var bit) ? bit : -1;
        var attributes = _bits.Keys
            .Where(n => n.Attribute is not null && (n.Element is null || n.Element == element))
            .GroupBy(n => n.Attribute!)
            .Select(g => new AttributeBits(
                g.Key,
                [.. g.Where(n => n.Value is null).Select(n => _bits[n])],
                g.Any(n => n.Value is not null)
                    ? g.Where(n => n.Value is not null).GroupBy(n => n.Value!).ToFrozenDictionary(v => v.Key, v => v.Select(n => _bits[n]).ToArray(), StringComparer.Ordinal)
                    : null))
            .ToArray();
        return new ElementBits(own, attributes);
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
                foreach (var node in clause) Set(mask, _bits[node]);

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
        // Walked through the node links, depth first in document order: no iterator, no stack.
        XElement? element = root;
        while (element is not null)
        {
            // One look-up per element; its attributes are compared with the few names required there.
            var bits = _byElement.TryGetValue(element.Name, out var named) ? named : _otherElements;
            if (bits.Own >= 0) Set(present, bits.Own);
            if (bits.Attributes.Length > 0)
            {
                for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
                {
                    foreach (var required in bits.Attributes)
                    {
                        if (!ReferenceEquals(required.Name, attribute.Name)) continue;
                        foreach (var any in required.AnyValue) Set(present, any);
                        if (required.ByValue is not null && required.ByValue.TryGetValue(attribute.Value, out var values))
                            foreach (var value in values) Set(present, value);
                        break;
                    }
                }
            }

            element = Next(element, root);
        }

        return present;
    }

    private static void Set(ulong[] bits, int bit) => bits[bit >> 6] |= 1UL << bit;

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
            if (XPath.ElementTest.AsElement(node) is { } element) return element;
        return null;
    }

    /// <summary>What an element sets: its own bit (or -1), and the bits of the attributes required on it.</summary>
    private sealed record ElementBits(int Own, AttributeBits[] Attributes);

    /// <summary>The bits of one attribute name on one element name: those any value sets, and those of each required value.</summary>
    private sealed record AttributeBits(XName Name, int[] AnyValue, FrozenDictionary<string, int[]>? ByValue);
}
