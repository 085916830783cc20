namespace VirtLint.RuleLanguage.Model;

/// <summary>What kind of problem a rule finds (<c>category:</c>); configuration selects rules by it (<c>category:security</c>).</summary>
public enum RuleCategory
{
    Performance,
    Security,
    Reliability,
    Migration,
    Correctness,
}
