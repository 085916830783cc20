using VirtLint.Core;
using VirtLint.Core.Configuration;

namespace VirtLint.Benchmarks;

/// <summary>
/// Checkers run on a document as the engine runs them (<see cref="Linter"/>): only those of its kind whose required
/// nodes it has, asked through the same <see cref="RequiredNodeSets"/>, each with its default severity and
/// parameters.
/// </summary>
internal sealed class EngineChecks
{
    private readonly RequiredNodeSets _sets;
    private readonly CheckMask[] _masks;

    // Each checker's kind, read once as the engine groups its checkers by kind once.
    private readonly DocumentKind[] _kinds;

    public EngineChecks(IEnumerable<RuleChecker> checkers)
    {
        Checkers = checkers.ToArray();
        _sets = new RequiredNodeSets(Checkers);
        _masks = Checkers.Select(_sets.MaskOf).ToArray();
        _kinds = Checkers.Select(c => c.Kind).ToArray();
    }

    public RuleChecker[] Checkers { get; }

    /// <summary>The bits of the required nodes the document has: one walk, as the engine makes per document.</summary>
    public ulong[] Present(LintDocument document) => _sets.Of(document.Root);

    /// <summary>Whether the engine runs checker <paramref name="index"/> on the document.</summary>
    public bool Runs(int index, LintDocument document, ulong[] present) =>
        _kinds[index] == document.Kind && RequiredNodeSets.Covers(present, _masks[index]);

    /// <summary>Runs checker <paramref name="index"/> on the document, through the document's one context (created on its first check), as the engine does.</summary>
    public void Check(int index, LintDocument document, ReportedFindings findings, ref CheckContext? context)
    {
        var rule = Checkers[index].Descriptor;
        context = context is null
            ? new CheckContext(document, rule, rule.DefaultSeverity, RuleParameters.Defaults, findings)
            : context.For(rule, rule.DefaultSeverity, RuleParameters.Defaults);
        Checkers[index].Check(context);
    }

    /// <summary>Runs every checker the engine would run on the document.</summary>
    public void CheckAll(LintDocument document, ulong[] present, ReportedFindings findings)
    {
        CheckContext? context = null;
        for (var i = 0; i < Checkers.Length; i++)
        {
            if (Runs(i, document, present)) Check(i, document, findings, ref context);
        }
    }
}
