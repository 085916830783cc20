using System.Text;
using System.Xml.Linq;
using VirtLint.Core;
using VirtLint.Core.Configuration;
using VirtLint.Core.Suppressions;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Lints a fixture the way a run will once the suppression stage is wired into the engine: the checkers' findings,
/// minus those an inline suppression hides, plus the suppression findings (VL0020–VL0025). Until findings carry their
/// flagged node, the node is found again from the finding's start position (an element's '&lt;' or an attribute's name).
/// </summary>
internal static class FixtureLinting
{
    private static readonly Linter Linter = new(FailingFixtureChecker.Catalog);
    private static readonly RuleLookup Lookup = new(BuiltInRules.Catalog);

    public static IReadOnlyList<Finding> Lint(string path, string text) => Lint(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Lints a fixture's bytes, as users' files are read: its encoding is the one it declares.</summary>
    public static IReadOnlyList<Finding> Lint(string path, byte[] bytes)
    {
        var findings = Linter.Lint([LintInput.FromBytes(path, bytes)]).Findings;
        var document = DocumentLoader.Load(path, bytes, BuiltInRules.Catalog).Document;
        if (document is null) return findings;

        var nodes = new Dictionary<(int, int), XObject>();
        foreach (var element in document.Root.DescendantsAndSelf())
        {
            nodes.TryAdd(Start(document.SpanOf(element)), element);
            foreach (var attribute in element.Attributes()) nodes.TryAdd(Start(document.SpanOf(attribute)), attribute);
        }

        var matcher = new SuppressionMatcher(DocumentSuppressions.Collect(document.Xml, Lookup), [], DateOnly.FromDateTime(DateTime.Now));
        var result = findings.Where(f => matcher.Match(f.Rule, nodes.GetValueOrDefault(Start(f.Span))) is null).ToList();
        foreach (var problem in matcher.Problems())
        {
            var rule = BuiltInRules.Catalog.Find(problem.RuleId)!;
            result.Add(new Finding(rule, rule.DefaultSeverity, problem.Message, path, problem.Span ?? document.SpanOf(problem.Node)));
        }

        result.Sort(Finding.Compare);
        return result;
    }

    private static (int, int) Start(SourceSpan span) => (span.StartLine, span.StartColumn);
}
