using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>A domain rule file (VL1999) written around the expressions a lowering test is about, parsed or lowered.</summary>
internal static class LoweringTestRule
{
    public static RulePlan Lower(string context, string test, (string Name, string Value)[]? lets = null, string message = "Disk '{@dev}' is flagged.",
        string? location = null, string? parameters = null, bool assert = false) =>
        RuleLowering.Lower(Parse(context, test, lets, message, location, parameters, assert));

    /// <param name="parameters">The name of a list parameter (default [ide, sata]) the expressions may read, or null.</param>
    /// <param name="assert">Whether <paramref name="test"/> is the check's <c>assert</c> (else its <c>report</c>).</param>
    public static RuleSpec Parse(string context, string test, (string Name, string Value)[]? lets = null, string message = "Disk '{@dev}' is flagged.",
        string? location = null, string? parameters = null, bool assert = false)
    {
        var letLines = lets is null ? "" : "  let:\n" + string.Concat(lets.Select(l => $"    {l.Name}: \"{l.Value}\"\n"));
        var locationLine = location is null ? "" : $"  location: \"{location}\"\n";
        var parameterLines = parameters is null ? "" : $"params:\n  {parameters}:\n    type: string-list\n    default: [ide, sata]\n    description: Buses.\n";
        var text = $"""
            id: VL1999
            name: lowering-test
            title: Lowering test
            severity: warning
            category: performance
            tags: [disk]
            target: domain
            scope:
              hypervisors: any

            """ + parameterLines + $"""
            check:
              context: "{context}"

            """ + letLines + $"""
              {(assert ? "assert" : "report")}: "{test}"

            """ + locationLine + $"""
            message: "{message}"
            docs:
              what-it-does: What.
              why-is-this-bad: Why. It is a warning because it costs performance.
              example: <a/>
              use-instead: <b/>
              references: [https://libvirt.org/formatdomain.html]
            """;
        var result = RuleFileParser.Parse("rules/domain/lowering-test.yaml", text);
        Assert.True(result.Rule is not null, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return result.Rule!;
    }
}
