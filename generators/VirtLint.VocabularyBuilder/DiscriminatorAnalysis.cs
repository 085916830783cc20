using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>How one alternative of an element's content uses the discriminating attribute.</summary>
public enum AttributeUse
{
    /// <summary>The alternative has no such attribute: an element that has it does not match.</summary>
    Absent,

    /// <summary>The alternative requires the attribute, with one of <see cref="AttributeConstraint.Values"/>.</summary>
    Present,

    /// <summary>Not analysed (repeated, recursive or matched by an open name): compatible with anything.</summary>
    Any,
}

public sealed record AttributeConstraint(AttributeUse Use, ValueSet? Values)
{
    public static readonly AttributeConstraint Absent = new(AttributeUse.Absent, null);
    public static readonly AttributeConstraint Any = new(AttributeUse.Any, null);

    /// <summary>Whether an element whose attribute has <paramref name="value"/> (null: has no such attribute) can match.</summary>
    public bool Admits(string? value) => Use switch
    {
        AttributeUse.Any => true,
        AttributeUse.Absent => value is null,
        _ => value is not null && (Values!.IsOpen || Values.Values!.Contains(value)),
    };

    public string Key => Use == AttributeUse.Present ? "present " + Values : Use.ToString();
}

/// <summary>One variant of an element pattern: what it allows when the discriminating attribute is used as its constraint says.</summary>
public sealed record ElementVariant(AttributeConstraint Constraint, ContentSummary Content);

/// <summary>An element pattern split by the attribute whose value decides what else the element may hold.</summary>
public sealed record Discrimination(string Attribute, IReadOnlyList<ElementVariant> Variants);

/// <summary>
/// Finds the attribute that splits an element pattern into variants, e.g. <c>&lt;disk type=…&gt;</c>: the content
/// is expanded into alternatives with respect to that one attribute (choices and optionals that mention it are
/// distributed, everything else is summarised as is), and alternatives that use it the same way are merged. In
/// RelaxNG every attribute must be matched by an attribute pattern, so an alternative without the attribute cannot
/// match an element that has it; this is what lets <c>type='file'</c> leave out the block-device source attributes.
/// An attribute named <c>type</c> is tried first, then the others in ordinal order; one is taken when it yields at
/// least two variants that differ in more than that attribute's values.
/// </summary>
public sealed class DiscriminatorAnalysis(RelaxNgGrammar grammar, ContentSummarizer summarizer)
{
    /// <summary>Past this many alternatives the expansion gives up and the element keeps its union.</summary>
    private const int MaxAlternatives = 256;

    public Discrimination? Find(XElement elementPattern, ContentSummary whole)
    {
        var content = PatternSupport.PatternChildren(elementPattern).ToList();
        var candidates = whole.Attributes
            .Where(a => !a.Value.IsOpen)
            .Select(a => a.Key)
            .OrderBy(name => name == "type" ? 0 : 1)
            .ThenBy(name => name, StringComparer.Ordinal);
        foreach (var attribute in candidates)
        {
            var expansion = new Expansion(grammar, summarizer, attribute);
            var variants = expansion.Product(content);
            if (variants is null || variants.Count < 2 || variants.All(v => v.Constraint.Use == AttributeUse.Any))
                continue;
            if (variants.Skip(1).All(v => v.Content.SameAs(variants[0].Content, ignoreAttribute: attribute)))
                continue; // only the attribute's own values differ: nothing to narrow
            return new Discrimination(attribute, variants);
        }

        return null;
    }

    /// <summary>The expansion of content into alternatives with respect to one attribute name.</summary>
    private sealed class Expansion(RelaxNgGrammar grammar, ContentSummarizer summarizer, string attribute)
    {
        private readonly Dictionary<XElement, bool> _mentions = [];
        private readonly Dictionary<string, bool> _defineMentions = new(StringComparer.Ordinal);
        private readonly HashSet<string> _mentionsInProgress = new(StringComparer.Ordinal);
        private readonly HashSet<string> _refsInProgress = new(StringComparer.Ordinal);

        /// <summary>The alternatives of a group of patterns, merged by constraint; null when there are too many.</summary>
        public List<ElementVariant>? Product(IEnumerable<XElement> patterns)
        {
            var result = new List<ElementVariant> { new(AttributeConstraint.Absent, new ContentSummary()) };
            foreach (var pattern in patterns)
            {
                var alternatives = Alternatives(pattern);
                if (alternatives is null)
                    return null;
                var next = new List<ElementVariant>();
                foreach (var left in result)
                {
                    foreach (var right in alternatives)
                    {
                        var constraint = Combine(left.Constraint, right.Constraint);
                        if (constraint is not null)
                            next.Add(new ElementVariant(constraint, Union(left.Content, right.Content)));
                    }
                }

                result = Merge(next);
                if (result.Count > MaxAlternatives)
                    return null;
            }

            return result;
        }

        private List<ElementVariant>? Alternatives(XElement pattern)
        {
            if (summarizer.IsNotAllowed(pattern))
                return [];
            if (!Mentions(pattern))
                return [new ElementVariant(AttributeConstraint.Absent, summarizer.Summarize([pattern]))];

            switch (pattern.Name.LocalName)
            {
                case "attribute":
                    var name = PatternSupport.ReadNameClass(pattern, isAttribute: true);
                    var constraint = name is { IsOpen: false, Names.Count: 1 }
                        ? new AttributeConstraint(AttributeUse.Present, summarizer.AttributeValues(pattern))
                        : AttributeConstraint.Any;
                    return [new ElementVariant(constraint, summarizer.Summarize([pattern]))];

                case "group" or "interleave" or "oneOrMore":
                    return Product(PatternSupport.PatternChildren(pattern));

                case "optional" or "zeroOrMore":
                    var inner = Product(PatternSupport.PatternChildren(pattern));
                    return inner is null ? null : Merge([.. inner, new ElementVariant(AttributeConstraint.Absent, new ContentSummary())]);

                case "choice":
                    var branches = new List<ElementVariant>();
                    foreach (var branch in PatternSupport.PatternChildren(pattern))
                    {
                        var alternatives = Alternatives(branch);
                        if (alternatives is null)
                            return null;
                        branches.AddRange(alternatives);
                    }

                    return Merge(branches);

                case "ref":
                    var refName = PatternSupport.RefName(pattern);
                    if (!_refsInProgress.Add(refName))
                        return [new ElementVariant(AttributeConstraint.Any, summarizer.Summarize([pattern]))];
                    var define = grammar.GetDefine(refName);
                    var parts = summarizer.LiveParts(define).ToList();
                    List<ElementVariant>? result;
                    if (define.Combine == CombineMode.Choice)
                    {
                        result = [];
                        foreach (var part in parts)
                        {
                            var alternatives = Product(PatternSupport.PatternChildren(part));
                            if (alternatives is null)
                            {
                                result = null;
                                break;
                            }

                            result.AddRange(alternatives);
                        }

                        result = result is null ? null : Merge(result);
                    }
                    else
                    {
                        result = Product(parts.SelectMany(PatternSupport.PatternChildren));
                    }

                    _refsInProgress.Remove(refName);
                    return result;

                default:
                    // mixed, list and anything else that mentions the attribute: not split.
                    return [new ElementVariant(AttributeConstraint.Any, summarizer.Summarize([pattern]))];
            }
        }

        /// <summary>Both alternatives at once; null when both carry the attribute, which an element cannot.</summary>
        private static AttributeConstraint? Combine(AttributeConstraint left, AttributeConstraint right)
        {
            if (left.Use == AttributeUse.Absent) return right;
            if (right.Use == AttributeUse.Absent) return left;
            if (left.Use == AttributeUse.Any || right.Use == AttributeUse.Any) return AttributeConstraint.Any;
            return null;
        }

        private static List<ElementVariant> Merge(IEnumerable<ElementVariant> alternatives)
        {
            var merged = new List<ElementVariant>();
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var alternative in alternatives)
            {
                if (byKey.TryGetValue(alternative.Constraint.Key, out var index))
                    merged[index] = merged[index] with { Content = Union(merged[index].Content, alternative.Content) };
                else
                {
                    byKey[alternative.Constraint.Key] = merged.Count;
                    merged.Add(alternative);
                }
            }

            return merged;
        }

        private static ContentSummary Union(ContentSummary left, ContentSummary right)
        {
            var union = new ContentSummary();
            union.UnionWith(left);
            union.UnionWith(right);
            return union;
        }

        /// <summary>Whether the pattern can match the attribute without entering a nested element.</summary>
        private bool Mentions(XElement pattern)
        {
            if (_mentions.TryGetValue(pattern, out var known))
                return known;
            var result = pattern.Name.LocalName switch
            {
                "attribute" => PatternSupport.ReadNameClass(pattern, isAttribute: true) is var name && (name.IsOpen || name.Names.Contains(attribute)),
                "element" or "value" or "data" or "text" or "empty" or "notAllowed" or "list" => false,
                "ref" => DefineMentions(PatternSupport.RefName(pattern)),
                _ => PatternSupport.PatternChildren(pattern).Any(Mentions),
            };
            _mentions[pattern] = result;
            return result;
        }

        private bool DefineMentions(string name)
        {
            if (_defineMentions.TryGetValue(name, out var known))
                return known;
            if (!_mentionsInProgress.Add(name))
                return false; // recursion: decided by the define's other patterns
            var result = summarizer.LiveParts(grammar.GetDefine(name)).SelectMany(PatternSupport.PatternChildren).Any(Mentions);
            _mentionsInProgress.Remove(name);
            _defineMentions[name] = result;
            return result;
        }
    }
}
