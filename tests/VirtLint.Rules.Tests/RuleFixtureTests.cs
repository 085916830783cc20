using VirtLint.Core;
using VirtLint.RuleRuntime.Testing;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Runs every rule fixture and compares the fixture rule's findings with the <c>expect:</c> comments in the file:
/// same lines (and columns and messages where written), nothing more, nothing less; the comparison is the one
/// <c>virtlint test-rules</c> makes for organisation rules.
/// </summary>
public sealed class RuleFixtureTests
{
    private static readonly Linter Linter = new(FailingFixtureChecker.Catalog);

    /// <summary>
    /// A fixture with a <c>NAME.baseline.json</c> beside it is checked against that baseline, whose entries name the
    /// fixture by its file name.
    /// </summary>
    internal static Linter LinterFor(Fixture fixture)
    {
        var baselinePath = Path.ChangeExtension(fixture.FullPath, ".baseline.json");
        if (!File.Exists(baselinePath)) return Linter;
        return new Linter(FailingFixtureChecker.Catalog, new LintOptions
        {
            Baseline = new VirtLint.Core.Baselines.BaselineMatcher(VirtLint.Core.Baselines.BaselineFile.Read(baselinePath)),
            BaselinePath = Path.GetFileName,
        });
    }

    [Theory]
    [MemberData(nameof(Fixture.Names), MemberType = typeof(Fixture))]
    public void Fixture_findings_match_its_expectations(string relativePath)
    {
        var fixture = Fixture.All().Single(f => f.RelativePath == relativePath);
        var rule = BuiltInRules.Catalog.Find(fixture.RuleName);
        Assert.True(rule is not null, $"Fixture folder '{fixture.RuleName}' names no rule.");

        var text = File.ReadAllText(fixture.FullPath);
        // The file's bytes, as users' files are read: its encoding is the one it declares.
        var findings = LinterFor(fixture).Lint([LintInput.FromBytes(fixture.RelativePath, File.ReadAllBytes(fixture.FullPath))]).Findings;
        var problems = SampleVerdict.Check(rule!.Id, fixture.FullPath, text, findings);
        Assert.True(problems.Count == 0, $"{fixture}: {string.Join("; ", problems)}");
        Assert.All(findings.Where(f => f.RuleId == rule.Id), f => Assert.Equal(fixture.RelativePath, f.Path));
    }
}
