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
    // Each kind's schema checks (their walk can mark the required nodes too) and their rules.
    private readonly Dictionary<DocumentKind, (Schema.SchemaChecker Walker, RuleDescriptor[] Rules)> _schemaChecks;

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
        _schemaChecks = checkers.OfType<Schema.SchemaChecker>().GroupBy(c => c.Kind)
            .ToDictionary(g => g.Key, g => (g.First(), g.Select(c => c.Descriptor).ToArray()));
    }

    /// <summary>The rules of the schema checks of documents of <paramref name="kind"/>.</summary>
    public RuleDescriptor[] SchemaRulesOf(DocumentKind kind) => _schemaChecks.TryGetValue(kind, out var checks) ? checks.Rules : [];

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
        var marks = new RequiredNodeMarks(this, new ulong[_words]);
        marks.MarkSubtree(root);
        return marks.Present;
    }

    /// <summary>
    /// The bits of the required nodes the document has. When <paramref name="schemaChecked"/> (one of the schema
    /// checks of its kind is to run on it), the one schema walk those checks share (<see cref="Schema.SchemaProblems"/>)
    /// is made now and marks the nodes on its way: a document is walked once instead of twice.
    /// </summary>
    public ulong[] Of(LintDocument document, bool schemaChecked)
    {
        if (!schemaChecked || !_schemaChecks.TryGetValue(document.Kind, out var checks)) return Of(document.Root);
        try
        {
            var marks = new RequiredNodeMarks(this, new ulong[_words]);
            Schema.SchemaProblems.Walk(document, checks.Walker.Model, marks);
            return marks.Present;
        }
        catch (Exception)
        {
            // Left to the schema checks, which run isolated and report it as an internal error of theirs.
            return Of(document.Root);
        }
    }

    /// <summary>Sets the bits of the element and of its attributes.</summary>
    internal void Mark(XElement element, ulong[] present)
    {
        // One look-up per element; its attributes are compared with the few names required there.
        var bits = _byElement.TryGetValue(element.Name, out var named) ? named : _otherElements;
        if (bits.Own >= 0) Set(present, bits.Own);
        if (bits.Attributes.Length == 0) return;
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

    private static void Set(ulong[] bits, int bit) => bits[bit >> 6] |= 1UL << bit;

    /// <summary>The element after <paramref name="element"/> in document order within <paramref name="root"/>, or null.</summary>
    internal static XElement? Next(XElement element, XElement root)
    {
        if (FirstElement(element.FirstNode) is { } child) return child;
        for (var current = element; !ReferenceEquals(current, root); current = current.Parent!)
        {
            if (FirstElement(current.NextNode) is { } sibling) return sibling;
        }

        return null;
    }

    internal static XElement? FirstElement(XNode? node)
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
