using VirtLint.Core;
using VirtLint.RuleRuntime.Testing;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Runs every cross-document rule's sample folders: each folder is one run, and each file's findings of the rule match
/// its <c>expect:</c> comments; the comparison is the one <c>virtlint test-rules</c> makes for organisation rules.
/// </summary>
public sealed class WorkspaceFixtureTests
{
    private static readonly Linter Linter = new(BuiltInRules.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });

    [Theory]
    [MemberData(nameof(WorkspaceFixture.Names), MemberType = typeof(WorkspaceFixture))]
    public void Sample_findings_match_its_expectations(string relativePath)
    {
        var fixture = WorkspaceFixture.All().Single(f => f.RelativePath == relativePath);
        var rule = BuiltInRules.Catalog.Find(fixture.RuleName);
        Assert.True(rule is not null, $"Fixture folder '{fixture.RuleName}' names no rule.");
        Assert.Equal("workspace", rule!.Target);

        var problems = RuleSampleRun.RunSampleSet(rule.Id, fixture.RelativePath, fixture.FullPath, Linter);
        Assert.True(problems.Count == 0, $"{fixture}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Every_workspace_rule_has_a_flagged_and_a_clean_sample_of_several_files()
    {
        var samples = WorkspaceFixture.All().ToList();
        foreach (var rule in BuiltInRules.Catalog.Rules.Where(r => r.Target == "workspace"))
        {
            var own = samples.Where(s => s.RuleName == rule.Name).ToList();
            Assert.True(own.Any(s => Path.GetFileName(s.FullPath).StartsWith("flagged", StringComparison.Ordinal)), $"{rule.Id} {rule.Name} has no flagged sample folder");
            Assert.True(own.Any(s => Path.GetFileName(s.FullPath).StartsWith("clean", StringComparison.Ordinal)), $"{rule.Id} {rule.Name} has no clean sample folder");
            Assert.All(own, s => Assert.True(Directory.GetFiles(s.FullPath, "*.xml").Length >= 2, $"{s} holds fewer than two files"));
        }
    }
}
