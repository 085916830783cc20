using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;

namespace VirtLint.Generators.Model;

/// <summary>
/// The per-file model: the checked rule (null on error), its diagnostics, the path relative to the repository, and
/// where its id and name are written (for duplicate-id and duplicate-name errors raised by the registry).
/// </summary>
internal sealed record ParsedRuleFile(
    RuleSpec? Rule,
    string RelativePath,
    EquatableArray<DiagnosticInfo> Diagnostics,
    DiagnosticInfo IdLocation,
    DiagnosticInfo NameLocation)
{
    /// <summary>The rule lowered once to the plan the emitter prints; null with <see cref="Rule"/>.</summary>
    public RulePlan? Plan { get; init; }
}
