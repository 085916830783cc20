namespace VirtLint.RuleRuntime.Tests;

/// <summary>An organisation rule file (ORG0001, sample-rule) reporting every context node, for the evaluator's tests.</summary>
internal static class SampleRule
{
    // The message under test is quoted in a sentence, as the language's message style asks; tests take it out again.
    public static string Yaml(string context, string message, string parameters = "", string report = "true()") => $"""
        id: ORG0001
        name: sample-rule
        title: Sample
        severity: note
        category: reliability
        target: domain
        {parameters}
        check:
          context: "{context}"
          report: "{report}"
        message: "Shown '{message}'."
        docs:
          what-it-does: x
          why-is-this-bad: It is a note because it is a test.
          example: x
          use-instead: x
        """;
}
