namespace VirtLint.Cli;

/// <summary>The project's public addresses, in one place: SARIF's <c>informationUri</c> and every rule's <c>helpUri</c>.</summary>
internal static class ProjectLinks
{
    public const string Repository = "https://github.com/virtlint/virtlint";

    /// <summary>The rule's generated page, <c>docs/rules/VL1001.md</c> on the default branch.</summary>
    public static string RuleDocs(string ruleId) => $"{Repository}/blob/main/docs/rules/{Uri.EscapeDataString(ruleId)}.md";
}
