using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Lints the shared corpus of real libvirt XML: every file parses and is classified, no checker throws, and two runs
/// give identical output, and what every rule finds is the committed snapshot (<c>Snapshots/corpus-findings.txt</c>).
/// </summary>
public sealed class CorpusTests
{
    private static readonly Lazy<(LintReport Report, IReadOnlyList<LintInput> Inputs)> FirstRun = new(Run);

    private static (LintReport, IReadOnlyList<LintInput>) Run()
    {
        var corpus = RequiredCorpus.Folder();
        var (inputs, errors) = PathExpander.Expand([corpus]);
        Assert.Empty(errors);
        return (new Linter(BuiltInRules.Catalog).Lint(inputs), inputs);
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
    public void Corpus_findings_match_the_snapshot()
    {
        var (report, _) = FirstRun.Value;
        var actual = CorpusSnapshot.Render(RequiredCorpus.Folder(), report.Findings);
        if (CorpusSnapshot.Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CorpusSnapshot.FilePath)!);
            File.WriteAllText(CorpusSnapshot.FilePath, CorpusSnapshot.Text(actual));
            return;
        }

        var committed = CorpusSnapshot.ReadCommitted();
        Assert.True(committed.SequenceEqual(actual, StringComparer.Ordinal),
            $"The findings over the corpus changed. Review the difference, then regenerate the snapshot with\n  {CorpusSnapshot.UpdateCommand}\n"
            + CorpusSnapshot.Diff(committed, actual));
    }

    [Fact]
    public void A_snapshot_difference_lists_lost_and_new_findings()
    {
        string[] committed = ["VL1001\ta/x.xml\t3\t5", "VL1001\ta/x.xml\t3\t5", "VL1002\tb.xml\t1\t1"];
        string[] actual = ["VL1001\ta/x.xml\t3\t5", "VL1002\tb.xml\t1\t1", "VL1003\tb.xml\t2\t7"];
        Assert.Equal("1 finding(s) no longer reported (-), 1 new (+):\n- VL1001\ta/x.xml\t3\t5\n+ VL1003\tb.xml\t2\t7", CorpusSnapshot.Diff(committed, actual));
    }

    [Fact]
    public void Snapshot_lines_are_sorted_by_rule_file_line_and_column_with_corpus_relative_paths()
    {
        var corpus = Path.Combine(Path.GetTempPath(), "corpus");
        Finding At(string rule, string file, int line, int column) =>
            new(BuiltInRules.Catalog.Find(rule)!, Severity.Warning, "Message 'x'.", Path.Combine(corpus, file), new SourceSpan(line, column, line, column + 1));
        var lines = CorpusSnapshot.Render(corpus, [At("VL1002", "b.xml", 1, 1), At("VL1001", "a/y.xml", 10, 2), At("VL1001", "a/y.xml", 9, 4), At("VL1001", "B.xml", 1, 1)]);
        Assert.Equal(["VL1001\tB.xml\t1\t1", "VL1001\ta/y.xml\t9\t4", "VL1001\ta/y.xml\t10\t2", "VL1002\tb.xml\t1\t1"], lines);
    }

    private static string Render(LintReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn} {f.Severity} {f.RuleId} {f.Message}"));
}
