using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Lints the shared corpus of real libvirt XML: every file parses and is classified, no checker throws, and two runs
/// give identical output. Also writes each rule's hit count to <c>artifacts/corpus-hits.md</c> for precision review.
/// </summary>
public sealed class CorpusTests
{
    private static readonly Lazy<(LintReport Report, IReadOnlyList<LintInput> Inputs)> FirstRun = new(Run);

    private static (LintReport, IReadOnlyList<LintInput>) Run()
    {
        var corpus = RequireCorpus();
        var (inputs, errors) = PathExpander.Expand([corpus]);
        Assert.Empty(errors);
        return (new Linter(BuiltInRules.Catalog).Lint(inputs), inputs);
    }

    private static string RequireCorpus()
    {
        var missing = RepositoryPaths.MissingCorpusMessage(out var fail);
        if (missing is null) return RepositoryPaths.Corpus!;
        if (fail) Assert.Fail(missing);
        throw new SkipException(missing);
    }

    [SkippableFact]
    public void Every_corpus_file_is_well_formed_and_classified()
    {
        var (report, inputs) = FirstRun.Value;
        Assert.True(inputs.Count > 700, $"expected the whole corpus, found {inputs.Count} files");
        Assert.Equal(inputs.Count, report.FileCount);
        Assert.Empty(report.Errors);
        var unparsed = report.Findings.Where(f => f.RuleId is RuleCatalog.NotWellFormedId or RuleCatalog.NotLibvirtDocumentId).ToList();
        Assert.True(unparsed.Count == 0, string.Join("\n", unparsed.Select(f => $"{f.Path}:{f.Span.StartLine}: {f.Message}")));
    }

    [SkippableFact]
    public void Two_runs_give_identical_output()
    {
        var (first, inputs) = FirstRun.Value;
        var second = new Linter(BuiltInRules.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 }).Lint(inputs);
        Assert.Equal(Render(first), Render(second));
    }

    [SkippableFact]
    public void Corpus_hit_counts_are_recorded()
    {
        var (report, inputs) = FirstRun.Value;
        var lines = new List<string> { "| rule | name | severity | files flagged / files checked | findings |", "| --- | --- | --- | --- | --- |" };
        foreach (var rule in BuiltInRules.Catalog.Rules)
        {
            var kind = rule.Target;
            var checkedFiles = kind == "document" ? inputs.Count : report.Sources.Keys.Count(p => KindOf(p, report) == kind);
            var hits = report.Findings.Where(f => f.RuleId == rule.Id).ToList();
            lines.Add($"| {rule.Id} | {rule.Name} | {rule.DefaultSeverity.ToName()} | {hits.Select(f => f.Path).Distinct().Count()} / {checkedFiles} | {hits.Count} |");
        }

        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllLines(Path.Combine(artifacts, "corpus-hits.md"), lines);
        Assert.True(lines.Count > 2);
    }

    private static string? KindOf(string path, LintReport report)
    {
        var text = report.Sources[path];
        foreach (var kind in new[] { "domain", "pool", "volume", "network" })
        {
            var index = text.IndexOf("<" + kind, StringComparison.Ordinal);
            if (index >= 0 && (index + kind.Length + 1 >= text.Length || !char.IsLetterOrDigit(text[index + kind.Length + 1])) && RootIs(text, index)) return kind;
        }

        return null;
    }

    // The first element start tag in the file (skipping the XML declaration and comments) decides the kind.
    private static bool RootIs(string text, int index)
    {
        var i = 0;
        while (true)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0) return false;
            if (text.AsSpan(lt).StartsWith("<?") || text.AsSpan(lt).StartsWith("<!"))
            {
                i = text.IndexOf('>', lt) + 1;
                if (i <= 0) return false;
                continue;
            }

            return lt == index;
        }
    }

    private static string Render(LintReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn} {f.Severity} {f.RuleId} {f.Message}"));
}
