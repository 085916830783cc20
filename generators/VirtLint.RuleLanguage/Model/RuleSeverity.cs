namespace VirtLint.RuleLanguage.Model;

/// <summary>A rule's default severity (<c>severity:</c>), ordered so that a higher value is more severe.</summary>
public enum RuleSeverity
{
    Note,
    Warning,
    Error,
}
