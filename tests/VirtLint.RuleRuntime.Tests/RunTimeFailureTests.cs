using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>
/// An organisation rule that fails on one document: a located VL0003 finding for that rule and document, the findings
/// it made before failing, and every other rule and document still checked.
/// </summary>
public sealed class RunTimeFailureTests
{
    private const string Domain = """
        <domain type='kvm'>
          <name>{0}</name>
          <devices>
            <interface type='network'><source network='lab'/></interface>
          </devices>
        </domain>
        """;

    private static string Rule(string id, string name, string context, string message) => $"""
        id: {id}
        name: {name}
        title: Sample
        severity: warning
        category: reliability
        target: domain
        check:
          context: {context}
          report: "true()"
        message: "{message}"
        docs:
          what-it-does: x
          why-is-this-bad: It is a warning because it is a test.
          example: x
          use-instead: x
        """;

    [Fact]
    public void A_user_rule_failing_on_one_document_is_an_internal_error_there_and_nothing_else_stops()
    {
        var loaded = UserRules.Load(
            [
                ("name-flagged.yaml", Rule("ORG0001", "name-flagged", "name", "Domain '{.}' is flagged.")),
                ("network-flagged.yaml", Rule("ORG0002", "network-flagged", "devices/interface/source", "Network '{@network}' is flagged.")),
            ],
            BuiltInRules.Catalog);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Errors));
        // Test-only seam: every helper of the language is total over valid input, so no rule file makes the evaluator
        // throw; this wrapper runs ORG0001's interpreted checker and then fails on one document, as a helper bug would.
        var checkers = loaded.Checkers.Select(c => c.Descriptor.Id == "ORG0001" ? new FailsAfterChecking(c, "b.xml") : c).ToList();
        var catalog = (loaded with { Checkers = checkers }).With(BuiltInRules.Catalog);

        var inputs = new[] { "a.xml", "b.xml", "c.xml" }
            .Select(path => LintInput.FromBytes(path, System.Text.Encoding.UTF8.GetBytes(string.Format(Domain, path[0] + "-vm"))))
            .ToList();
        var findings = new Linter(catalog).Lint(inputs).Findings
            .Where(f => f.RuleId is "ORG0001" or "ORG0002" or RuleCatalog.RuleInternalErrorId)
            .Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn} {f.Severity.ToName()} {f.RuleId} {f.Message}");

        Assert.Equal(
            [
                "a.xml:2:3 warning ORG0001 Domain 'a-vm' is flagged.",
                "a.xml:4:31 warning ORG0002 Network 'lab' is flagged.",
                "b.xml:1:1 error VL0003 Rule ORG0001 (name-flagged) failed on this document and was skipped: InvalidOperationException: ORG0001 failed on b.xml.",
                "b.xml:2:3 warning ORG0001 Domain 'b-vm' is flagged.",
                "b.xml:4:31 warning ORG0002 Network 'lab' is flagged.",
                "c.xml:2:3 warning ORG0001 Domain 'c-vm' is flagged.",
                "c.xml:4:31 warning ORG0002 Network 'lab' is flagged.",
            ],
            findings);
    }

    private sealed class FailsAfterChecking(RuleChecker inner, string path) : RuleChecker
    {
        public override RuleDescriptor Descriptor => inner.Descriptor;

        public override DocumentKind Kind => inner.Kind;

        public override void Check(CheckContext context)
        {
            inner.Check(context);
            if (context.Document.Path == path) throw new InvalidOperationException($"{Descriptor.Id} failed on {path}.");
        }
    }
}
