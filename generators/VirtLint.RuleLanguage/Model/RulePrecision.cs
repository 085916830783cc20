namespace VirtLint.RuleLanguage.Model;

/// <summary>How often a rule's findings are true problems (<c>precision:</c>, SARIF's <c>precision</c> property).</summary>
public enum RulePrecision
{
    VeryHigh,
    High,
    Medium,
    Low,
}
