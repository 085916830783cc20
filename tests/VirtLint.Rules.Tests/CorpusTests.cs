using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Lints the shared corpus of real libvirt XML: every file parses and is classified, no checker throws, and two runs
/// give identical output. Also writes each rule's hit count on it and on the virt-install corpus to
/// <c>artifacts/corpus-hits.md</c> for precision review.
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
        var (virtInstall, virtInstallInputs) = VirtInstallCorpus.Run.Value;
        var lines = new List<string> { "# Rule hits on the corpora", "" };
        lines.AddRange(CorpusHitTable.Section("libvirt 9.0.0 test data and virt-manager storage (../shared/corpus)", report, inputs.Count));
        lines.AddRange(CorpusHitTable.Section($"virt-install output ({VirtInstallCorpus.RelativeFolder})", virtInstall, virtInstallInputs.Count));

        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllLines(Path.Combine(artifacts, "corpus-hits.md"), lines);
        Assert.Contains(lines, l => l.StartsWith("| VL1003 |", StringComparison.Ordinal));
    }

    private static string Render(LintReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn} {f.Severity} {f.RuleId} {f.Message}"));
}
