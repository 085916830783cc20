namespace VirtLint.RuleLanguage;

/// <summary>Where a rule file comes from, which decides the ids it may declare.</summary>
public enum RuleOrigin
{
    /// <summary>The project's own rules (<c>rules/**/*.yaml</c>): ids VL0000–VL9999.</summary>
    BuiltIn,

    /// <summary>An organisation's rules loaded at run time (<c>--rules DIR</c>): ids such as ORG0001, never VL.</summary>
    User,
}
