using System.Globalization;
using System.Text.Json;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests.Sarif;

/// <summary>Rule metadata GitHub reads: problem.severity, security-severity bands that agree with the level, help links.</summary>
public sealed class SarifRuleMetadataTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Every_built_in_rule_has_a_help_uri_a_problem_severity_and_a_security_score_in_its_levels_band()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var result = _workspace.Run(["check", "web.xml", "--format", "sarif"], "", catalog: BuiltInRules.Catalog);

        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(BuiltInRules.Catalog.Rules.Count, rules.Length);
        var scored = 0;
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var level = rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()!;
            var properties = rule.GetProperty("properties");
            Assert.Equal($"https://github.com/virtlint/virtlint/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md")), $"{id}: helpUri names a page that does not exist");
            Assert.Equal(level == "note" ? "recommendation" : level, properties.GetProperty("problem.severity").GetString());

            var isSecurity = properties.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == "security");
            Assert.Equal(isSecurity, properties.TryGetProperty("security-severity", out var score));
            if (!isSecurity) continue;
            scored++;
            var value = decimal.Parse(score.GetString()!, CultureInfo.InvariantCulture);
            var (lowest, highest) = level switch { "error" => (7.0m, 10.0m), "warning" => (4.0m, 6.9m), _ => (0.1m, 3.9m) };
            Assert.True(value >= lowest && value <= highest, $"{id} is a {level} scored {value}, outside {lowest}–{highest}");
        }

        Assert.True(scored >= 10, "the built-in catalogue has security rules");
    }

    [Theory]
    [InlineData(Severity.Error, "5.5", "7.0", "high")]
    [InlineData(Severity.Error, "9.5", "9.5", "critical")]
    [InlineData(Severity.Warning, "8.0", "6.9", "medium")]
    [InlineData(Severity.Warning, "5.0", "5.0", "medium")]
    [InlineData(Severity.Note, "4.0", "3.9", "low")]
    [InlineData(Severity.Note, "0.1", "0.1", "low")]
    public void A_declared_score_is_moved_into_the_band_of_the_level(Severity level, string declared, string published, string rating)
    {
        var rule = FakeRules.VncAnyInterface with { SecuritySeverity = declared };

        var score = SecuritySeverityBands.Score(rule, level);

        Assert.Equal(published, score);
        Assert.Equal(rating, SecuritySeverityBands.GitHubRating(decimal.Parse(score!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_rule_without_a_score_gets_none()
    {
        Assert.Null(SecuritySeverityBands.Score(FakeRules.DiskBus, Severity.Error));
    }

    [Fact]
    public void Result_levels_and_default_levels_agree()
    {
        _workspace.Write("a.xml", Fixtures.IdeDisk);
        _workspace.Write("b.xml", Fixtures.VncAnyInterface);
        _workspace.Write("c.xml", Fixtures.LocalClock);

        var result = _workspace.Run("check", ".", "--format", "sarif");

        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(3, results.Length);
        foreach (var sarifResult in results)
        {
            var rule = rules[sarifResult.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), sarifResult.GetProperty("level").GetString());
        }

        Assert.Equal(["warning", "error", "note"], results.Select(r => r.GetProperty("level").GetString()));
    }
}
