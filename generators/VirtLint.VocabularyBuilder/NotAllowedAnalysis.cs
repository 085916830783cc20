using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// Decides which patterns can never match, per RelaxNG's notAllowed simplification rules, so extractors can skip them
/// the way simplification removes them: libvirt uses <c>&lt;notAllowed/&gt;</c> as placeholders that other schemas
/// override, e.g. storageSourceExtra and privateData. Results are cached per pattern and per define.
/// </summary>
public sealed class NotAllowedAnalysis(RelaxNgGrammar grammar)
{
    private readonly Dictionary<XElement, bool> _notAllowed = [];
    private readonly Dictionary<string, bool> _defineNotAllowed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <summary>Whether the pattern can match nothing at all.</summary>
    public bool IsNotAllowed(XElement pattern)
    {
        if (_notAllowed.TryGetValue(pattern, out var known))
            return known;

        var result = pattern.Name.LocalName switch
        {
            "notAllowed" => true,
            "ref" => IsNotAllowed(grammar.GetDefine(PatternSupport.RefName(pattern))),
            "choice" => PatternSupport.PatternChildren(pattern).All(IsNotAllowed),
            "optional" or "zeroOrMore" => false,
            "group" or "interleave" or "oneOrMore" or "mixed" or "list" or "element" or "attribute"
                => PatternSupport.PatternChildren(pattern).Any(IsNotAllowed),
            _ => false,
        };
        _notAllowed[pattern] = result;
        return result;
    }

    /// <summary>Whether the define (after merging its combine= parts) can match nothing at all.</summary>
    public bool IsNotAllowed(RelaxNgDefine define)
    {
        if (_defineNotAllowed.TryGetValue(define.Name, out var known))
            return known;
        if (!_inProgress.Add(define.Name))
            return false; // recursion through the define itself: decided by the other parts

        var result = define.Combine == CombineMode.Choice
            ? define.Parts.All(IsPartNotAllowed)
            : define.Parts.Any(IsPartNotAllowed);

        _inProgress.Remove(define.Name);
        _defineNotAllowed[define.Name] = result;
        return result;
    }

    /// <summary>Whether one <c>&lt;define&gt;</c> part (its children form a group) can match nothing.</summary>
    public bool IsPartNotAllowed(XElement part) => PatternSupport.PatternChildren(part).Any(IsNotAllowed);
}
