namespace VirtLint.Core.Suppressions;

/// <summary>
/// The engine rules that report problems with suppressions themselves (<c>rules/document/suppression-*.yaml</c>).
/// Their findings are produced after matching, so no suppression can hide them; turn them off in the configuration.
/// </summary>
public static class SuppressionRules
{
    public const string WithoutReason = "VL0020";
    public const string UnknownRule = "VL0021";
    public const string Unused = "VL0022";
    public const string Expired = "VL0023";
    public const string TargetInvalid = "VL0024";
    public const string Malformed = "VL0025";

    public static readonly IReadOnlyList<string> All = [WithoutReason, UnknownRule, Unused, Expired, TargetInvalid, Malformed];

    public static bool IsSuppressionRule(string id) => All.Contains(id, StringComparer.Ordinal);
}
