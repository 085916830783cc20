using System.Xml.Linq;

namespace VirtLint.Core.Suppressions;

/// <summary>
/// One suppression written in a document (a comment or a metadata element): the rules it names, its reason and
/// last day, and the elements whose subtrees it covers (the root element for a whole-file suppression).
/// </summary>
public sealed class Suppression
{
    internal Suppression(SuppressionCarrier carrier, XObject node, string? reason, DateOnly? until, SourceSpan? untilSpan, IReadOnlyList<XElement> covers, IReadOnlyList<SuppressedRule> rules)
    {
        Carrier = carrier;
        Node = node;
        Reason = reason;
        Until = until;
        UntilSpan = untilSpan;
        Covers = covers;
        Rules = rules;
    }

    public SuppressionCarrier Carrier { get; }

    /// <summary>The comment, or the <c>vl:suppress</c> element.</summary>
    public XObject Node { get; }

    /// <summary>Null when missing or blank (reported as <see cref="SuppressionRules.WithoutReason"/>, but the suppression still applies).</summary>
    public string? Reason { get; }

    /// <summary>The last day the suppression applies (inclusive); null for no expiry.</summary>
    public DateOnly? Until { get; }

    internal SourceSpan? UntilSpan { get; }

    public IReadOnlyList<XElement> Covers { get; }

    public IReadOnlyList<SuppressedRule> Rules { get; }

    public bool IsExpired(DateOnly today) => Until is { } until && today > until;

    /// <summary>Whether the suppression covers the whole document (a file comment, or metadata without a target).</summary>
    public bool CoversDocument => Covers.Count == 1 && Covers[0].Parent is null;

    /// <summary>
    /// Written before a node file's <c>&lt;node&gt;</c> and applied to one of its inner documents: it is reported
    /// (expired, unused) once for the file, not by each document.
    /// </summary>
    internal bool FromNodeFile { get; private init; }

    /// <summary>This suppression applied to a node file's inner document: covering its root, sharing the rules' used marks.</summary>
    internal Suppression Covering(XElement root) => new(Carrier, Node, Reason, Until, UntilSpan, [root], Rules) { FromNodeFile = true };
}

/// <summary>One rule named by a suppression, with where it is written and whether it suppressed a finding.</summary>
public sealed class SuppressedRule
{
    internal SuppressedRule(RuleDescriptor rule, XObject node, SourceSpan? span)
    {
        Rule = rule;
        Node = node;
        Span = span;
    }

    public RuleDescriptor Rule { get; }

    /// <summary>The comment, or the <c>rule</c> attribute.</summary>
    public XObject Node { get; }

    /// <summary>The rule's token inside a comment; null for an attribute (its own span is used).</summary>
    public SourceSpan? Span { get; }

    public bool Used { get; internal set; }
}
