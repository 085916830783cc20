using VirtLint.Core;
using VirtLint.Core.Configuration;
using VirtLint.Rules;

namespace VirtLint.Rules.Tests;

/// <summary>
/// The engine skips a check on a document that lacks what the check requires (<see cref="RuleChecker.RequiredNodes"/>).
/// Both back ends skip through the same plan, so comparing them cannot catch a requirement that is too strong: here
/// every built-in checker runs on every fixture and corpus document it would be skipped on, and must report nothing.
/// </summary>
public sealed class RequiredNodesSoundnessTests
{
    [Fact]
    public void Fixtures_a_check_is_skipped_on_give_it_nothing_to_report()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var skipped = AssertNothingReportedWhereSkipped(files.Select(f => LintInput.FromBytes(RepositoryPaths.Relative(f), File.ReadAllBytes(f))));
        Assert.True(skipped > 10_000, $"expected most checks skipped on most fixtures, {skipped} were");
    }

    [SkippableFact]
    public void Corpus_documents_a_check_is_skipped_on_give_it_nothing_to_report()
    {
        var corpus = RequiredCorpus.Folder();
        var (inputs, errors) = PathExpander.Expand([corpus]);
        Assert.Empty(errors);
        var skipped = AssertNothingReportedWhereSkipped(inputs);
        Assert.True(skipped > 50_000, $"expected most checks skipped on most corpus documents, {skipped} were");
    }

    /// <summary>Runs each check on each document the engine skips it on; returns how many such pairs there were.</summary>
    private static int AssertNothingReportedWhereSkipped(IEnumerable<LintInput> inputs)
    {
        var catalog = BuiltInRules.Catalog;
        var sets = new RequiredNodeSets(catalog.Checkers);
        var checkers = catalog.Checkers.Where(c => c.RequiredNodes.Length > 0).ToList();
        var masks = sets.MasksOf(checkers);
        var skipped = 0;
        var wrong = new List<string>();
        foreach (var input in inputs)
        {
            foreach (var document in DocumentLoader.Load(input.DisplayPath, input.Content ?? File.ReadAllBytes(input.FilePath!), catalog).Documents)
            {
                var present = sets.Of(document.Root);
                // The engine marks through the schema walk when the kind's schema checks run: the same bits.
                Assert.Equal(present, sets.Of(document, schemaChecked: true));
                for (var i = 0; i < checkers.Count; i++)
                {
                    var checker = checkers[i];
                    if (checker.Kind != document.Kind || masks.Covers(present, i)) continue;
                    skipped++;
                    var findings = new ReportedFindings();
                    checker.Check(new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, RuleParameters.Defaults, findings));
                    wrong.AddRange(findings.Items.Select(i => $"{i.Finding.RuleId} {i.Finding.Path}:{i.Finding.Span.StartLine}:{i.Finding.Span.StartColumn} {i.Finding.Message}"));
                }
            }
        }

        Assert.True(wrong.Count == 0, "reported on documents the engine skips:\n" + string.Join("\n", wrong.Take(20)));
        return skipped;
    }
}
