using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Suppressions;

/// <summary>
/// The suppressions written inside one document, and the problems found while reading them. Carriers: comments
/// <c>&lt;!-- virtlint-disable-next-element RULE… reason="…" until=YYYY-MM-DD --&gt;</c> (the next element at the
/// comment's level and its subtree), <c>&lt;!-- virtlint-disable-file RULE… reason="…" --&gt;</c> (before the root
/// element), and in the root's <c>&lt;metadata&gt;</c>, <c>&lt;vl:suppress rule="…" target="…" reason="…" until="…"/&gt;</c>
/// with <c>xmlns:vl="urn:virtlint:suppress:1"</c>, alone or grouped in one <c>&lt;vl:suppressions&gt;</c>.
/// </summary>
/// <remarks>
/// The engine calls <see cref="Collect"/> once per parsed document (skipped under <c>--no-inline-suppressions</c>),
/// right after the checkers ran, and hands the result to a <see cref="SuppressionMatcher"/>. The document must be
/// loaded with <see cref="LoadOptions.SetLineInfo"/> so that problems inside comments point at the exact token.
/// One pass over the document's nodes.
/// </remarks>
public sealed class DocumentSuppressions
{
    public const string Namespace = "urn:virtlint:suppress:1";
    private static readonly XNamespace Vl = Namespace;
    private static readonly IReadOnlyList<string> MetadataAttributes = ["rule", "target", "reason", "until"];

    private DocumentSuppressions(IReadOnlyList<Suppression> suppressions, IReadOnlyList<SuppressionProblem> problems)
    {
        Suppressions = suppressions;
        Problems = problems;
    }

    public static DocumentSuppressions None { get; } = new([], []);

    /// <summary>
    /// These suppressions plus those of a node file that cover the whole file (written before its <c>&lt;node&gt;</c>),
    /// applied to the inner document whose root is <paramref name="root"/>.
    /// </summary>
    internal DocumentSuppressions WithNodeFile(DocumentSuppressions nodeFile, XElement root)
    {
        var fileWide = nodeFile.Suppressions.Where(s => s.CoversDocument).ToList();
        return fileWide.Count == 0 ? this : new([.. Suppressions, .. fileWide.Select(s => s.Covering(root))], Problems);
    }

    public IReadOnlyList<Suppression> Suppressions { get; }

    /// <summary>Problems found while reading: malformed, unknown rule, invalid target, missing reason.</summary>
    public IReadOnlyList<SuppressionProblem> Problems { get; }

    public static DocumentSuppressions Collect(XDocument document, RuleLookup lookup)
    {
        var root = document.Root;
        if (root is null) return None;
        var suppressions = new List<Suppression>();
        var problems = new List<SuppressionProblem>();
        var nextElements = new NextElements();
        foreach (var node in document.DescendantNodes())
            if (node is XComment comment) FromComment(comment, root, lookup, nextElements, suppressions, problems);
        if (root.Element("metadata") is { } metadata) FromMetadata(metadata, root, lookup, suppressions, problems);
        return new DocumentSuppressions(suppressions, problems);
    }

    // ---- comments ----

    private static void FromComment(XComment comment, XElement root, RuleLookup lookup, NextElements nextElements, List<Suppression> suppressions, List<SuppressionProblem> problems)
    {
        var parsed = SuppressionComment.Parse(comment.Value);
        if (parsed is null) return;
        SourceSpan? Span(SuppressionComment.Token token) => CommentSpan(comment, token.Start, token.End);

        if (parsed.Errors.Count > 0)
        {
            foreach (var (message, at) in parsed.Errors) problems.Add(new SuppressionProblem(SuppressionRules.Malformed, message, comment, Span(at)));
            return;
        }

        XElement? covered;
        if (parsed.Directive == SuppressionComment.File)
        {
            covered = comment.Parent is null && comment.IsBefore(root) ? root : null;
            if (covered is null)
            {
                problems.Add(new SuppressionProblem(SuppressionRules.TargetInvalid, $"The '{SuppressionComment.File}' comment must come before the root element; here it covers nothing.", comment, Span(parsed.DirectiveToken)));
                return;
            }
        }
        else
        {
            covered = nextElements.After(comment);
            if (covered is null)
            {
                problems.Add(new SuppressionProblem(SuppressionRules.TargetInvalid, $"The '{SuppressionComment.NextElement}' comment is followed by no element at its level; put it just above the element to suppress.", comment, Span(parsed.DirectiveToken)));
                return;
            }
        }

        if (parsed.Rules.Count == 0)
        {
            problems.Add(new SuppressionProblem(SuppressionRules.Malformed, $"The '{parsed.Directive}' comment names no rule; list the ids or names of the rules to suppress.", comment, Span(parsed.DirectiveToken)));
            return;
        }

        DateOnly? until = null;
        if (parsed.Until is { } untilToken)
        {
            if (!TryParseDate(untilToken.Text, out var day))
            {
                problems.Add(new SuppressionProblem(SuppressionRules.Malformed, $"The 'until' value '{untilToken.Text}' is not a date written YYYY-MM-DD.", comment, Span(untilToken)));
                return;
            }

            until = day;
        }

        var rules = new List<SuppressedRule>();
        foreach (var token in parsed.Rules)
            if (Resolve(token.Text, lookup, comment, Span(token), problems) is { } rule) rules.Add(new SuppressedRule(rule, comment, Span(token)));

        var reason = parsed.Reason is { } r && r.Text.Trim().Length > 0 ? r.Text.Trim() : null;
        if (reason is null)
            problems.Add(new SuppressionProblem(SuppressionRules.WithoutReason, $"Suppression of '{Names(parsed.Rules.Select(t => t.Text))}' gives no reason; add reason=\"…\" saying why the finding is accepted.", comment, Span(parsed.DirectiveToken)));
        if (rules.Count > 0)
            suppressions.Add(new Suppression(SuppressionCarrier.Comment, comment, reason, until, parsed.Until is { } u ? Span(u) : null, [covered], rules));
    }

    /// <summary>
    /// The element following a node among its siblings. Computed for all children of a parent in one backward pass,
    /// so a long run of suppression comments costs linear time, not a forward scan per comment.
    /// </summary>
    private sealed class NextElements
    {
        private readonly Dictionary<XContainer, Dictionary<XNode, XElement?>> _byParent = [];

        public XElement? After(XNode node)
        {
            var parent = (XContainer?)node.Parent ?? node.Document!;
            if (!_byParent.TryGetValue(parent, out var next))
            {
                next = [];
                XElement? following = null;
                for (var current = parent.LastNode; current is not null; current = current.PreviousNode)
                {
                    next[current] = following;
                    if (current is XElement element) following = element;
                }

                _byParent[parent] = next;
            }

            return next[node];
        }
    }

    // The position of a character of a comment's value: the reader reports the comment at the first character after "<!--".
    private static SourceSpan? CommentSpan(XComment comment, int start, int end)
    {
        var info = (IXmlLineInfo)comment;
        if (!info.HasLineInfo()) return null;
        var (startLine, startColumn) = Advance(comment.Value, info.LineNumber, info.LinePosition, 0, start);
        var (endLine, endColumn) = Advance(comment.Value, startLine, startColumn, start, Math.Max(end, start + 1));
        return new SourceSpan(startLine, startColumn, endLine, endColumn);
    }

    private static (int Line, int Column) Advance(string text, int line, int column, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (i < text.Length && text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    // ---- metadata ----

    private static void FromMetadata(XElement metadata, XElement root, RuleLookup lookup, List<Suppression> suppressions, List<SuppressionProblem> problems)
    {
        var seenOwnNamespace = false;
        foreach (var child in metadata.Elements())
        {
            if (child.Name.Namespace != Vl) continue;
            if (seenOwnNamespace)
            {
                // libvirt keeps the first child of <metadata> per namespace and drops the rest when it parses the
                // definition (virXMLNodeSanitizeNamespaces, called from virDomainDefPostParseCommon and virNetworkDefParseXML).
                problems.Add(new SuppressionProblem(SuppressionRules.Malformed,
                    $"This '{child.Name.LocalName}' is dropped when libvirt parses the definition, as libvirt keeps only the first 'urn:virtlint:suppress:1' element in <metadata>; group suppressions in one <vl:suppressions> element.",
                    child, null));
            }

            seenOwnNamespace = true;
            switch (child.Name.LocalName)
            {
                case "suppress":
                    FromElement(child, root, lookup, suppressions, problems);
                    break;
                case "suppressions":
                    foreach (var item in child.Elements())
                    {
                        if (item.Name == Vl + "suppress") FromElement(item, root, lookup, suppressions, problems);
                        else problems.Add(new SuppressionProblem(SuppressionRules.Malformed, $"Unknown element '{item.Name.LocalName}' in <vl:suppressions>; it holds <vl:suppress> elements only.", item, null));
                    }

                    break;
                default:
                    problems.Add(new SuppressionProblem(SuppressionRules.Malformed,
                        $"Unknown element '{child.Name.LocalName}'{NameSuggestions.Parenthesized(child.Name.LocalName, ["suppress", "suppressions"])}; write <vl:suppress> or <vl:suppressions>.", child, null));
                    break;
            }
        }
    }

    private static void FromElement(XElement element, XElement root, RuleLookup lookup, List<Suppression> suppressions, List<SuppressionProblem> problems)
    {
        var malformed = false;
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace != XNamespace.None || MetadataAttributes.Contains(attribute.Name.LocalName)) continue;
            problems.Add(new SuppressionProblem(SuppressionRules.Malformed,
                $"Unknown attribute '{attribute.Name.LocalName}'{NameSuggestions.Parenthesized(attribute.Name.LocalName, MetadataAttributes)}; a suppression takes rule, target, reason and until.", attribute, null));
            malformed = true;
        }

        var ruleAttribute = element.Attribute("rule");
        var names = (ruleAttribute?.Value ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            problems.Add(new SuppressionProblem(SuppressionRules.Malformed, "The suppression names no rule; set rule=\"…\" to the ids or names of the rules to suppress.", (XObject?)ruleAttribute ?? element, null));
            malformed = true;
        }

        DateOnly? until = null;
        if (element.Attribute("until") is { } untilAttribute)
        {
            if (TryParseDate(untilAttribute.Value.Trim(), out var day)) until = day;
            else
            {
                problems.Add(new SuppressionProblem(SuppressionRules.Malformed, $"The 'until' value '{untilAttribute.Value}' is not a date written YYYY-MM-DD.", untilAttribute, null));
                malformed = true;
            }
        }

        IReadOnlyList<XElement> covers = [root];
        if (element.Attribute("target") is { } targetAttribute)
        {
            if (!SuppressionTarget.TryParse(targetAttribute.Value.Trim(), out var target, out var error))
            {
                problems.Add(new SuppressionProblem(SuppressionRules.TargetInvalid, $"Suppression target '{targetAttribute.Value}' is not a valid path: {error}.", targetAttribute, null));
                malformed = true;
            }
            else if (target!.ExplainEmpty(root) is { } why)
            {
                problems.Add(new SuppressionProblem(SuppressionRules.TargetInvalid, $"Suppression target '{targetAttribute.Value}' selects no element: {why}.", targetAttribute, null));
                malformed = true;
            }
            else
            {
                covers = target.Select(root);
            }
        }

        if (malformed) return;
        var rules = new List<SuppressedRule>();
        foreach (var name in names)
            if (Resolve(name, lookup, ruleAttribute!, null, problems) is { } rule) rules.Add(new SuppressedRule(rule, ruleAttribute!, null));

        var reason = element.Attribute("reason")?.Value.Trim() is { Length: > 0 } text ? text : null;
        if (reason is null)
            problems.Add(new SuppressionProblem(SuppressionRules.WithoutReason, $"Suppression of '{Names(names)}' gives no reason; add reason=\"…\" saying why the finding is accepted.", element, null));
        if (rules.Count > 0)
            suppressions.Add(new Suppression(SuppressionCarrier.Metadata, element, reason, until, null, covers, rules));
    }

    // ---- shared ----

    private static RuleDescriptor? Resolve(string name, RuleLookup lookup, XObject node, SourceSpan? span, List<SuppressionProblem> problems)
    {
        var rule = lookup.Find(name);
        if (rule is null)
        {
            var close = NameSuggestions.Closest(name, lookup.Spellings);
            problems.Add(new SuppressionProblem(SuppressionRules.UnknownRule,
                close is null ? $"Suppression names '{name}', which is not a rule." : $"Suppression names '{name}', which is not a rule; the closest is '{close}'.", node, span));
            return null;
        }

        if (SuppressionRules.IsSuppressionRule(rule.Id))
        {
            problems.Add(new SuppressionProblem(SuppressionRules.Malformed, $"Rule '{name}' reports problems with suppressions and cannot itself be suppressed; turn it off in .virtlint.yaml instead.", node, span));
            return null;
        }

        return rule;
    }

    private static bool TryParseDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
