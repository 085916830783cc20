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
        var filesByKind = report.Files.GroupBy(p => KindOf(p) ?? "").ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in BuiltInRules.Catalog.Rules)
        {
            var checkedFiles = rule.Target == "document" ? inputCount : filesByKind.GetValueOrDefault(rule.Target);
            var hits = report.Findings.Where(f => f.RuleId == rule.Id).ToList();
            yield return $"| {rule.Id} | {rule.Name} | {rule.DefaultSeverity.ToName()} | {hits.Select(f => f.Path).Distinct().Count()} / {checkedFiles} | {hits.Count} |";
        }

        yield return "";
    }

    // Classified the way the engine classifies, so "files checked" counts exactly the documents a rule ran on.
    // The corpora are walked from a directory, so a display path is also a readable path.
    private static string? KindOf(string path) =>
        DocumentLoader.Load(path, File.ReadAllBytes(path), BuiltInRules.Catalog).Document?.Kind.ToName();
}
