using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// The nodes checks require (<see cref="RuleChecker.RequiredNodes"/>) as bits: one walk of a document sets the bit
/// of each required element name and attribute value it has, and a check runs when its mask is covered. Asked for
/// every check of every document (100,000 domains: about 28 million times), a few word tests replace hash look-ups.
/// </summary>
public sealed class RequiredNodeSets
{
    // Filled in the constructor and only read after, so threads share them.
    private readonly Dictionary<XName, int> _elements = [];
    private readonly Dictionary<XName, Dictionary<string, int>> _attributeValues = [];
    private readonly int _words;

    public RequiredNodeSets(IEnumerable<RuleChecker> checkers)
    {
        var count = 0;
        foreach (var checker in checkers)
        {
            foreach (var clause in checker.RequiredNodes)
            {
                foreach (var node in clause)
                {
                    if (node.Value is null)
                    {
                        if (_elements.TryAdd(node.Name, count)) count++;
                    }
                    else
                    {
                        if (!_attributeValues.TryGetValue(node.Name, out var values))
                            _attributeValues[node.Name] = values = new Dictionary<string, int>(StringComparer.Ordinal);
                        if (values.TryAdd(node.Value, count)) count++;
                    }
                }
            }
        }

        _words = (count + 63) / 64;
    }

    /// <summary>The bits a check needs: all of one mask, and at least one of each other.</summary>
    public CheckMask MaskOf(RuleChecker checker)
    {
        var all = new ulong[_words];
        var anyOf = new List<ulong[]>();
        foreach (var clause in checker.RequiredNodes)
        {
            var mask = clause.Length == 1 ? all : new ulong[_words];
            foreach (var node in clause)
            {
                var bit = BitOf(node);
                mask[bit >> 6] |= 1UL << bit;
            }

            if (clause.Length > 1) anyOf.Add(mask);
        }

        return new CheckMask(all, [.. anyOf]);
    }

    /// <summary>The bits of the required nodes the element and its descendants have.</summary>
    public ulong[] Of(XElement root)
    {
        var present = new ulong[_words];
        if (_words == 0) return present;
        var attributes = _attributeValues.Count > 0;
        foreach (var element in root.DescendantsAndSelf())
        {
            if (_elements.TryGetValue(element.Name, out var bit)) present[bit >> 6] |= 1UL << bit;
            if (!attributes) continue;
            for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
            {
                if (_attributeValues.TryGetValue(attribute.Name, out var values) && values.TryGetValue(attribute.Value, out bit))
                    present[bit >> 6] |= 1UL << bit;
            }
        }

        return present;
    }

    /// <summary>Whether <paramref name="present"/> has every bit of the mask's <see cref="CheckMask.All"/> and one of each of its <see cref="CheckMask.AnyOf"/>.</summary>
    public static bool Covers(ulong[] present, CheckMask mask)
    {
        var all = mask.All;
        for (var i = 0; i < all.Length; i++)
        {
            if ((present[i] & all[i]) != all[i]) return false;
        }

        foreach (var any in mask.AnyOf)
        {
            var found = false;
            for (var i = 0; i < any.Length && !found; i++) found = (present[i] & any[i]) != 0;
            if (!found) return false;
        }

        return true;
    }

    private int BitOf(RequiredNode node) => node.Value is null ? _elements[node.Name] : _attributeValues[node.Name][node.Value];
}

/// <summary>A check's required bits (<see cref="RequiredNodeSets.MaskOf"/>): every bit of <see cref="All"/>, and at least one bit of each of <see cref="AnyOf"/>.</summary>
public sealed class CheckMask(ulong[] all, ulong[][] anyOf)
{
    public ulong[] All { get; } = all;

    public ulong[][] AnyOf { get; } = anyOf;
}
