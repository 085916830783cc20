using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// The element names checks require (<see cref="RuleChecker.RequiredElements"/>) as bits: one walk of a document sets
/// the bit of each required name it has, and a check runs when all the bits of its mask are set. Asked for every check
/// of every document (100,000 domains: about 28 million times), a few word tests replace hash look-ups.
/// </summary>
public sealed class RequiredElementSets
{
    // Filled in the constructor and only read after, so threads share it.
    private readonly Dictionary<XName, int> _bits = [];
    private readonly int _words;

    public RequiredElementSets(IEnumerable<RuleChecker> checkers)
    {
        foreach (var checker in checkers)
        {
            foreach (var name in checker.RequiredElements) _bits.TryAdd(name, _bits.Count);
        }

        _words = (_bits.Count + 63) / 64;
    }

    /// <summary>The bits a check needs set; all zero for a check that needs none.</summary>
    public ulong[] MaskOf(RuleChecker checker)
    {
        var mask = new ulong[_words];
        foreach (var name in checker.RequiredElements)
        {
            var bit = _bits[name];
            mask[bit >> 6] |= 1UL << bit;
        }

        return mask;
    }

    /// <summary>The bits of the required names the element and its descendants have.</summary>
    public ulong[] Of(XElement root)
    {
        var present = new ulong[_words];
        if (_words == 0) return present;
        foreach (var element in root.DescendantsAndSelf())
        {
            if (_bits.TryGetValue(element.Name, out var bit)) present[bit >> 6] |= 1UL << bit;
        }

        return present;
    }

    /// <summary>Whether every bit of <paramref name="mask"/> is set in <paramref name="present"/>.</summary>
    public static bool Covers(ulong[] present, ulong[] mask)
    {
        for (var i = 0; i < mask.Length; i++)
        {
            if ((present[i] & mask[i]) != mask[i]) return false;
        }

        return true;
    }
}
