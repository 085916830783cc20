using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>One section of <c>artifacts/corpus-hits.md</c>: how often each rule fires on a corpus, for precision review.</summary>
internal static class CorpusHitTable
{
    public static IEnumerable<string> Section(string title, LintReport report, int inputCount)
    {
        yield return $"## {title}";
        yield return "";
        yield return "| rule | name | severity | files flagged / files checked | findings |";
        yield return "| --- | --- | --- | --- | --- |";
        var filesByKind = report.Sources.Keys.GroupBy(p => KindOf(p, report) ?? "").ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in BuiltInRules.Catalog.Rules)
        {
            var checkedFiles = rule.Target == "document" ? inputCount : filesByKind.GetValueOrDefault(rule.Target);
            var hits = report.Findings.Where(f => f.RuleId == rule.Id).ToList();
            yield return $"| {rule.Id} | {rule.Name} | {rule.DefaultSeverity.ToName()} | {hits.Select(f => f.Path).Distinct().Count()} / {checkedFiles} | {hits.Count} |";
        }

        yield return "";
    }

    // Classified the way the engine classifies, so "files checked" counts exactly the documents a rule ran on.
    private static string? KindOf(string path, LintReport report) =>
        DocumentLoader.Load(path, System.Text.Encoding.UTF8.GetBytes(report.Sources[path]), BuiltInRules.Catalog).Document?.Kind.ToName();
}
