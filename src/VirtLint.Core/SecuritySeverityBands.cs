using System.Globalization;

namespace VirtLint.Core;

/// <summary>
/// Ties a security rule's <c>security-severity</c> score to the level it is reported at. GitHub code scanning rates a
/// score of 9.0–10.0 Critical, 7.0–8.9 High, 4.0–6.9 Medium and 0.1–3.9 Low, and by default fails a pull request on
/// High or Critical; a warning scored 8.0 would fail that check while an error scored 5.5 would not. So the level
/// chooses the band and the rule's declared score only places it within the band:
/// <list type="table">
/// <item><term>error</term><description>7.0–10.0 (High or Critical)</description></item>
/// <item><term>warning</term><description>4.0–6.9 (Medium)</description></item>
/// <item><term>note</term><description>0.1–3.9 (Low)</description></item>
/// </list>
/// A declared score outside the band of the rule's effective level is moved to the band's nearest edge.
/// </summary>
public static class SecuritySeverityBands
{
    public static (decimal Lowest, decimal Highest) For(Severity level) => level switch
    {
        Severity.Error => (7.0m, 10.0m),
        Severity.Warning => (4.0m, 6.9m),
        _ => (0.1m, 3.9m),
    };

    /// <summary>The score to publish for <paramref name="rule"/> reported at <paramref name="level"/>, or null when the rule declares none.</summary>
    public static string? Score(RuleDescriptor rule, Severity level)
    {
        if (rule.SecuritySeverity is null) return null;
        var (lowest, highest) = For(level);
        var declared = decimal.TryParse(rule.SecuritySeverity, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : lowest;
        return Math.Clamp(declared, lowest, highest).ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>GitHub's name for the band a score falls in.</summary>
    public static string GitHubRating(decimal score) => score switch
    {
        >= 9.0m => "critical",
        >= 7.0m => "high",
        >= 4.0m => "medium",
        _ => "low",
    };
}
