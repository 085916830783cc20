using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// Reads the content of element patterns: what <see cref="ContentSummary"/> they allow, which values an attribute or
/// text pattern accepts. Refs are followed, nested
/// <c>&lt;element&gt;</c>s are not entered, and patterns that can never match are skipped.
/// </summary>
public sealed class ContentSummarizer(RelaxNgGrammar grammar)
{
    private readonly NotAllowedAnalysis _notAllowed = new(grammar);

    public bool IsNotAllowed(XElement pattern) => _notAllowed.IsNotAllowed(pattern);

    /// <summary>The summary of a sequence of patterns.</summary>
    public ContentSummary Summarize(IEnumerable<XElement> patterns)
    {
        var summary = new ContentSummary();
        var seenRefs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
            Walk(pattern, summary, seenRefs);
        return summary;
    }

    /// <summary>The summary of a define's content (the grammar's start, for instance).</summary>
    public ContentSummary Summarize(RelaxNgDefine define)
    {
        var summary = new ContentSummary();
        WalkDefine(define, summary, new HashSet<string>(StringComparer.Ordinal));
        return summary;
    }

    private void Walk(XElement pattern, ContentSummary summary, HashSet<string> seenRefs)
    {
        if (_notAllowed.IsNotAllowed(pattern))
            return;

        switch (pattern.Name.LocalName)
        {
            case "element":
                var elementName = PatternSupport.ReadNameClass(pattern, isAttribute: false);
                foreach (var name in elementName.Names)
                    summary.AddChild(name, pattern);
                summary.AnyChild |= elementName.IsOpen;
                break;

            case "attribute":
                var attributeName = PatternSupport.ReadNameClass(pattern, isAttribute: true);
                var values = AttributeValues(pattern);
                foreach (var name in attributeName.Names)
                    summary.AddAttribute(name, values);
                summary.AnyAttribute |= attributeName.IsOpen;
                break;

            case "ref":
                if (seenRefs.Add(PatternSupport.RefName(pattern)))
                    WalkDefine(grammar.GetDefine(PatternSupport.RefName(pattern)), summary, seenRefs);
                break;

            case "group" or "interleave" or "choice" or "optional" or "zeroOrMore" or "oneOrMore":
                foreach (var child in PatternSupport.PatternChildren(pattern))
                    Walk(child, summary, seenRefs);
                break;

            case "mixed":
                summary.Text = ValueSet.Open;
                foreach (var child in PatternSupport.PatternChildren(pattern))
                    Walk(child, summary, seenRefs);
                break;

            case "text" or "data" or "list":
                summary.Text = ValueSet.Open;
                break;

            case "value":
                summary.Text = ValueSet.Union(summary.Text, TokenValue(pattern));
                break;

            case "empty" or "notAllowed":
                break;

            case "parentRef" or "externalRef" or "grammar":
                throw new NotSupportedException($"{RelaxNgGrammar.Where(pattern)}: <{pattern.Name.LocalName}> is not supported.");

            default:
                throw new InvalidDataException($"{RelaxNgGrammar.Where(pattern)}: unexpected <{pattern.Name.LocalName}> in a pattern.");
        }
    }

    private void WalkDefine(RelaxNgDefine define, ContentSummary summary, HashSet<string> seenRefs)
    {
        if (_notAllowed.IsNotAllowed(define))
            return;
        foreach (var part in LiveParts(define))
        {
            foreach (var child in PatternSupport.PatternChildren(part))
                Walk(child, summary, seenRefs);
        }
    }

    /// <summary>The parts of a define that can match; for combine="choice", a part that cannot is an alternative that never applies.</summary>
    public IEnumerable<XElement> LiveParts(RelaxNgDefine define) =>
        define.Combine == CombineMode.Choice ? define.Parts.Where(p => !_notAllowed.IsPartNotAllowed(p)) : define.Parts;

    /// <summary>The values an attribute pattern accepts.</summary>
    public ValueSet AttributeValues(XElement attribute) =>
        ValueSetOf(PatternSupport.PatternChildren(attribute).ToList(), new HashSet<string>(StringComparer.Ordinal)) ?? ValueSet.Open;

    /// <summary>
    /// The closed set of values a value pattern sequence accepts (an attribute's content, say), Open when it accepts
    /// text, a datatype or anything it cannot enumerate, and null when it can match nothing.
    /// </summary>
    private ValueSet? ValueSetOf(IReadOnlyList<XElement> content, HashSet<string> refsInProgress)
    {
        var live = content.Where(c => !_notAllowed.IsNotAllowed(c)).ToList();
        if (content.Count == 0)
            return ValueSet.Open; // <attribute name="x"/> holds text
        if (live.Count == 0)
            return null;
        if (content.Count > 1)
            return ValueSet.Open; // a group of value patterns: not enumerated

        var pattern = live[0];
        switch (pattern.Name.LocalName)
        {
            case "value":
                return TokenValue(pattern);
            case "choice":
                ValueSet? union = null;
                foreach (var branch in PatternSupport.PatternChildren(pattern))
                    union = ValueSet.Union(union, ValueSetOf([branch], refsInProgress));
                return union;
            case "ref":
                var name = PatternSupport.RefName(pattern);
                if (!refsInProgress.Add(name))
                    return ValueSet.Open;
                var define = grammar.GetDefine(name);
                ValueSet? result = null;
                var parts = LiveParts(define).ToList();
                if (define.Combine != CombineMode.Choice && parts.Count > 1)
                    result = ValueSet.Open;
                else
                    foreach (var part in parts)
                        result = ValueSet.Union(result, ValueSetOf(PatternSupport.PatternChildren(part).ToList(), refsInProgress));
                refsInProgress.Remove(name);
                return result;
            default:
                return ValueSet.Open;
        }
    }

    /// <summary>A <c>&lt;value&gt;</c> without type= is a token; any other datatype, or an empty token, is not enumerated.</summary>
    private static ValueSet TokenValue(XElement value)
    {
        var type = value.Attribute("type")?.Value.Trim();
        if (type is not null && type != "token")
            return ValueSet.Open;
        var token = ValueSet.NormalizeToken(value.Value);
        return token.Length == 0 ? ValueSet.Open : ValueSet.Of([token]);
    }
}
