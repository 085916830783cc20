using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Runs every rule fixture and compares the fixture rule's findings with the <c>expect:</c> comments in the file:
/// same lines (and columns and messages where written), nothing more, nothing less.
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
        var expectations = FixtureExpectation.Parse(text);
        Assert.All(expectations, e => Assert.Equal(rule!.Id, e.RuleId));
        if (fixture.IsFlagged) Assert.NotEmpty(expectations);
        else Assert.Empty(expectations);

        // The file's bytes, as users' files are read: its encoding is the one it declares.
        var report = LinterFor(fixture).Lint([LintInput.FromBytes(fixture.RelativePath, File.ReadAllBytes(fixture.FullPath))]);
        var findings = report.Findings.Where(f => f.RuleId == rule!.Id).ToList();
        var actual = findings.Select(f => $"{f.RuleId} line {f.Span.StartLine}").Order(StringComparer.Ordinal).ToList();
        var expected = expectations.Select(e => $"{e.RuleId} line {e.Line}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"{fixture}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", findings.Select(f => $"{f.RuleId} line {f.Span.StartLine}: {f.Message}"))}]");

        foreach (var expectation in expectations)
        {
            var matching = findings.Where(f => f.Span.StartLine == expectation.Line).ToList();
            var seen = string.Join("; ", matching.Select(f => $"col {f.Span.StartColumn}: {f.Message}"));
            if (expectation.Column is { } column)
                Assert.True(matching.Any(f => f.Span.StartColumn == column), $"{fixture} line {expectation.Line}: expected column {column}, got {seen}");
            if (expectation.Message is { } message)
                Assert.True(matching.Any(f => f.Message == message), $"{fixture} line {expectation.Line}: expected message \"{message}\", got {seen}");
            Assert.All(matching, f => Assert.Equal(fixture.RelativePath, f.Path));
        }
    }
}
