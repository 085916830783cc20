using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Suppressions;

/// <summary>
/// Decides, for each finding of one document, whether a suppression hides it, and afterwards which suppressions
/// were expired or unused. An expired suppression (past its <c>until</c> day) no longer applies.
/// </summary>
/// <remarks>
/// Engine use, per document, after the checkers ran and the configuration stage set severities (and before the
/// baseline stage): <c>var matcher = new SuppressionMatcher(inline, effectiveConfig.Ignores, today, effectiveConfig.IsEnabled)</c>;
/// for each finding, <see cref="Match"/> with its rule and flagged node (null when it has none): a non-null result
/// marks the finding suppressed (JSON <c>suppressed: { by, reason, until }</c>; left out of SARIF by default).
/// Then <see cref="Problems"/> gives the suppression findings to add (never themselves suppressible). Config ignores
/// are shared across files: after the whole run, <see cref="ConfigIgnoreProblems"/> reports the unused and expired
/// ones. Matching a finding walks the flagged node's ancestors once: O(depth).
/// </remarks>
public sealed class SuppressionMatcher
{
    private readonly DocumentSuppressions _inline;
    private readonly IReadOnlyList<ConfigIgnore> _ignores;
    private readonly DateOnly _today;
    private readonly Func<RuleDescriptor, bool> _isEnabled;
    private readonly Dictionary<(XElement Element, string RuleId), Bucket> _byElement = [];
    private readonly XElement? _root;

    /// <param name="inline">The document's own suppressions (<see cref="DocumentSuppressions.None"/> under <c>--no-inline-suppressions</c>).</param>
    /// <param name="ignores">The config ignores naming this file (<see cref="EffectiveConfig.Ignores"/>).</param>
    /// <param name="today">The day expiry is judged against (the run's local date).</param>
    /// <param name="isEnabled">Whether a rule ran on this file: a suppression of a rule that did not run is not reported as unused.</param>
    public SuppressionMatcher(DocumentSuppressions inline, IReadOnlyList<ConfigIgnore> ignores, DateOnly today, Func<RuleDescriptor, bool>? isEnabled = null)
    {
        _inline = inline;
        _ignores = ignores;
        _today = today;
        _isEnabled = isEnabled ?? (_ => true);
        foreach (var suppression in inline.Suppressions)
        {
            if (suppression.IsExpired(today)) continue;
            foreach (var element in suppression.Covers)
            {
                foreach (var rule in suppression.Rules)
                {
                    if (!_byElement.TryGetValue((element, rule.Rule.Id), out var bucket)) _byElement[(element, rule.Rule.Id)] = bucket = new Bucket();
                    bucket.Entries.Add((suppression, rule));
                }
            }
        }

        // A comment written on the element wins over metadata naming it (the nearer, more specific carrier); otherwise
        // document order. OrderBy is stable, so the reported suppression is the same on every run.
        foreach (var bucket in _byElement.Values)
        {
            var ordered = bucket.Entries.OrderBy(e => e.Suppression.Carrier == SuppressionCarrier.Comment ? 0 : 1).ToList();
            bucket.Entries.Clear();
            bucket.Entries.AddRange(ordered);
        }

        foreach (var ignore in ignores) ignore.MarkConsidered();
        _root = inline.Suppressions.Count > 0 ? inline.Suppressions[0].Covers[0].AncestorsAndSelf().Last() : null;
    }

    /// <summary>
    /// The suppression hiding a finding of <paramref name="rule"/> on <paramref name="node"/> (an element, attribute,
    /// text or comment of this document; null for a finding about the file as a whole), or null. Every suppression
    /// that covers the finding is marked used; the innermost one is returned (a comment before metadata on the same
    /// element), and config ignores come last.
    /// </summary>
    public SuppressionMatch? Match(RuleDescriptor rule, XObject? node)
    {
        SuppressionMatch? result = null;
        if (_byElement.Count > 0)
        {
            var element = node switch
            {
                XElement e => e,
                XDocument d => d.Root,
                null => null,
                _ => node.Parent ?? node.Document?.Root,
            };
            if (node is null) element = _root;
            for (var current = element; current is not null; current = current.Parent)
            {
                if (!_byElement.TryGetValue((current, rule.Id), out var bucket)) continue;
                var (first, _) = bucket.Entries[0];
                result ??= new SuppressionMatch(first.Carrier, first.Reason, first.Until);
                if (bucket.AllUsed) continue;
                foreach (var (_, suppressed) in bucket.Entries) suppressed.Used = true;
                bucket.AllUsed = true;
            }
        }

        foreach (var ignore in _ignores)
        {
            if (ignore.Rule.Id != rule.Id || ignore.IsExpired(_today)) continue;
            ignore.MarkUsed();
            result ??= new SuppressionMatch(SuppressionCarrier.Config, ignore.Reason, ignore.Until);
        }

        return result;
    }

    /// <summary>
    /// The document's suppression problems, once every finding went through <see cref="Match"/>: those found while
    /// reading, each expired suppression, and each named rule that ran but suppressed nothing.
    /// </summary>
    public IReadOnlyList<SuppressionProblem> Problems()
    {
        var problems = new List<SuppressionProblem>(_inline.Problems);
        foreach (var suppression in _inline.Suppressions)
        {
            if (suppression.FromNodeFile) continue;
            var names = string.Join(", ", suppression.Rules.Select(r => r.Rule.Id));
            if (suppression.IsExpired(_today))
            {
                var at = suppression.Carrier == SuppressionCarrier.Metadata ? (XObject?)((XElement)suppression.Node).Attribute("until") ?? suppression.Node : suppression.Node;
                problems.Add(new SuppressionProblem(SuppressionRules.Expired,
                    $"Suppression of '{names}' expired after '{suppression.Until:yyyy-MM-dd}' and no longer applies; fix the finding or move 'until' forward with a reason.", at, suppression.UntilSpan));
                continue;
            }

            foreach (var rule in suppression.Rules)
            {
                if (rule.Used || !_isEnabled(rule.Rule)) continue;
                problems.Add(new SuppressionProblem(SuppressionRules.Unused,
                    $"Suppression of '{rule.Rule.Id}' ({rule.Rule.Name}) matched no finding; remove it.", rule.Node, rule.Span));
            }
        }

        return problems;
    }

    /// <summary>
    /// After the whole run: each config ignore past its <c>until</c> day, and each one that applied to linted files
    /// but suppressed nothing there. Ignores for files this run did not lint are not reported as unused.
    /// </summary>
    public static IReadOnlyList<ConfigIgnoreProblem> ConfigIgnoreProblems(IEnumerable<ConfigIgnore> ignores, DateOnly today, Func<RuleDescriptor, bool>? isEnabled = null)
    {
        var problems = new List<ConfigIgnoreProblem>();
        foreach (var ignore in ignores.Distinct().OrderBy(i => i.ConfigPath, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Column))
        {
            if (ignore.IsExpired(today))
                problems.Add(new ConfigIgnoreProblem(SuppressionRules.Expired,
                    $"Ignore of '{ignore.Rule.Id}' expired after '{ignore.Until:yyyy-MM-dd}' and no longer applies; fix the findings or move 'until' forward with a reason.", ignore));
            else if (ignore.WasConsidered && !ignore.WasUsed && (isEnabled?.Invoke(ignore.Rule) ?? true))
                problems.Add(new ConfigIgnoreProblem(SuppressionRules.Unused,
                    $"Ignore of '{ignore.Rule.Id}' ({ignore.Rule.Name}) matched no finding in the linted files it names; remove it.", ignore));
        }

        return problems;
    }

    /// <summary>The suppressions of one rule on one element; once all are marked used, later findings skip the marking.</summary>
    private sealed class Bucket
    {
        public List<(Suppression Suppression, SuppressedRule Rule)> Entries { get; } = [];

        public bool AllUsed { get; set; }
    }
}
