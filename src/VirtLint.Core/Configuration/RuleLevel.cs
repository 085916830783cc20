namespace VirtLint.Core.Configuration;

/// <summary>What a configuration says about a rule: <c>off</c>, or on at a severity.</summary>
public enum RuleLevel
{
    Off,
    Note,
    Warning,
    Error,
}

/// <summary>The lowest severity that makes a run fail (exit 1), or <see cref="None"/>: never fail on findings.</summary>
public enum FailLevel
{
    Note,
    Warning,
    Error,
    None,
}

public static class LevelNames
{
    public static readonly IReadOnlyList<string> RuleLevels = ["off", "note", "warning", "error"];

    public static readonly IReadOnlyList<string> FailLevels = ["error", "warning", "note", "none"];

    public static bool TryParseRuleLevel(string text, out RuleLevel level)
    {
        switch (text)
        {
            case "off": level = RuleLevel.Off; return true;
            case "note": level = RuleLevel.Note; return true;
            case "warning": level = RuleLevel.Warning; return true;
            case "error": level = RuleLevel.Error; return true;
            default: level = RuleLevel.Off; return false;
        }
    }

    public static bool TryParseFailLevel(string text, out FailLevel level)
    {
        switch (text)
        {
            case "note": level = FailLevel.Note; return true;
            case "warning": level = FailLevel.Warning; return true;
            case "error": level = FailLevel.Error; return true;
            case "none": level = FailLevel.None; return true;
            default: level = FailLevel.Warning; return false;
        }
    }

    public static string ToName(this RuleLevel level) => level switch
    {
        RuleLevel.Note => "note",
        RuleLevel.Warning => "warning",
        RuleLevel.Error => "error",
        _ => "off",
    };

    public static string ToName(this FailLevel level) => level switch
    {
        FailLevel.Note => "note",
        FailLevel.Warning => "warning",
        FailLevel.Error => "error",
        _ => "none",
    };

    public static RuleLevel ToLevel(this Severity severity) => severity switch
    {
        Severity.Error => RuleLevel.Error,
        Severity.Warning => RuleLevel.Warning,
        _ => RuleLevel.Note,
    };

    public static Severity ToSeverity(this RuleLevel level) => level switch
    {
        RuleLevel.Error => Severity.Error,
        RuleLevel.Warning => Severity.Warning,
        _ => Severity.Note,
    };

    /// <summary>Whether a finding of this severity makes the run fail.</summary>
    public static bool Fails(this FailLevel level, Severity severity) => level switch
    {
        FailLevel.None => false,
        FailLevel.Error => severity == Severity.Error,
        FailLevel.Warning => severity >= Severity.Warning,
        _ => true,
    };
}
