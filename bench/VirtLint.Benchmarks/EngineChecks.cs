using VirtLint.Core;
using VirtLint.Core.Configuration;

namespace VirtLint.Benchmarks;

/// <summary>
/// Checkers run on a document as the engine runs them (<see cref="Linter"/>): those of its kind, in catalog order, only
/// when the document has the nodes they require (asked through the same <see cref="RequiredNodeSets"/> and
/// <see cref="CheckMasks"/>), each with its default severity and parameters, through one context per document.
/// </summary>
internal sealed class EngineChecks
{
    private readonly RequiredNodeSets _sets;
    private readonly Dictionary<DocumentKind, OfKind> _byKind;

    public EngineChecks(IEnumerable<RuleChecker> checkers)
    {
        Checkers = checkers.ToArray();
        _sets = new RequiredNodeSets(Checkers);
        _byKind = Checkers.Select((checker, index) => (checker, index))
            .GroupBy(c => c.checker.Kind)
            .ToDictionary(g => g.Key, g =>
            {
                var ofKind = g.Select(c => c.checker).ToArray();
                return new OfKind(ofKind, _sets.MasksOf(ofKind), g.Select(c => c.index).ToArray());
            });
    }

    public RuleChecker[] Checkers { get; }

    /// <summary>The bits of the required nodes the document has: marked, as the engine marks them, by the schema walk every rule on sees.</summary>
    public ulong[] Present(LintDocument document) => _sets.Of(document, schemaChecked: true);

    /// <summary>The checkers of one kind with their masks, and each one's index in <see cref="Checkers"/>.</summary>
    public OfKind? For(DocumentKind kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>Runs a checker on the document, through the document's one context (created on its first check), as the engine does.</summary>
    public static void Check(RuleChecker checker, LintDocument document, ReportedFindings findings, ref CheckContext? context)
    {
        var rule = checker.Descriptor;
        context = context is null
            ? new CheckContext(document, rule, rule.DefaultSeverity, RuleParameters.Defaults, findings)
            : context.For(rule, rule.DefaultSeverity, RuleParameters.Defaults);
        checker.Check(context);
    }

    /// <summary>Runs every checker the engine would run on the document.</summary>
    public void CheckAll(LintDocument document, ulong[] present, ReportedFindings findings)
    {
        if (For(document.Kind) is not { } ofKind) return;
        CheckContext? context = null;
        var checkers = ofKind.Checkers;
        for (var i = 0; i < checkers.Length; i++)
        {
            if (ofKind.Masks.Covers(present, i)) Check(checkers[i], document, findings, ref context);
        }

        context?.Finish();
    }

    public sealed record OfKind(RuleChecker[] Checkers, CheckMasks Masks, int[] Indexes);
}
