using System.Text.RegularExpressions;
using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>Guards the rule suite as a whole: the generator ran, ids are stable, every rule is documented and has fixtures.</summary>
public sealed partial class SuiteConsistencyTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Rules = BuiltInRules.Catalog.Rules;

    private static IEnumerable<string> RuleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void The_generator_compiled_every_rule_file()
    {
        var files = RuleFiles().ToList();
        Assert.NotEmpty(Rules);
        Assert.Equal(files.Count, Rules.Count);
        foreach (var file in files)
        {
            var id = IdLine().Match(File.ReadAllText(file)).Groups[1].Value;
            var rule = BuiltInRules.Catalog.Find(id);
            Assert.True(rule is not null, $"{RepositoryPaths.Relative(file)} declares {id}, which is not in the generated registry");
            Assert.Equal(RepositoryPaths.Relative(file), rule!.SourceFile);
        }

        Assert.Equal(Rules.Count(r => r.Target != "document"), BuiltInRules.Checkers.Count);
    }

    [Fact]
    public void File_name_is_the_rule_name_and_folder_is_its_target()
    {
        foreach (var rule in Rules)
            Assert.Equal($"rules/{rule.Target}/{rule.Name}.yaml", rule.SourceFile);
    }

    [Fact]
    public void Ids_are_unique_and_recorded_in_the_append_only_list()
    {
        var shipped = ShippedIds();
        Assert.Equal(shipped.Count, shipped.Select(s => s.Id).Distinct().Count());
        foreach (var rule in Rules)
        {
            var entry = shipped.FirstOrDefault(s => s.Id == rule.Id);
            Assert.True(entry is not null, $"{rule.Id} {rule.Name} is missing from rules/ids.txt: append it");
            Assert.False(entry!.Retired, $"{rule.Id} is marked retired in rules/ids.txt; retired ids are never reused");
            Assert.True(entry.Name == rule.Name, $"{rule.Id} is '{rule.Name}' but rules/ids.txt records '{entry.Name}'; ids are never reused for another rule");
        }

        foreach (var entry in shipped.Where(s => !s.Retired))
            Assert.True(BuiltInRules.Catalog.Find(entry.Id) is not null, $"rules/ids.txt lists {entry.Id} {entry.Name}, but no rule has that id; mark it retired instead of deleting the rule silently");
    }

    [Fact]
    public void Ids_fall_in_their_targets_range()
    {
        var ranges = new Dictionary<string, char> { ["document"] = '0', ["domain"] = '1', ["pool"] = '2', ["volume"] = '3', ["network"] = '4' };
        foreach (var rule in Rules)
            Assert.True(rule.Id[2] == ranges[rule.Target], $"{rule.Id} targets {rule.Target}, whose ids are VL{ranges[rule.Target]}xxx");
    }

    [Fact]
    public void Every_rule_is_documented()
    {
        foreach (var rule in Rules)
        {
            var docs = rule.Docs;
            foreach (var (section, text) in new[] { ("what-it-does", docs.WhatItDoes), ("why-is-this-bad", docs.WhyIsThisBad), ("example", docs.Example), ("use-instead", docs.UseInstead) })
                Assert.True(text.Trim().Length >= 10, $"{rule.Id} {rule.Name}: docs section '{section}' is empty or too short");
            Assert.True(docs.References.Count > 0, $"{rule.Id} {rule.Name}: add at least one reference");
            Assert.NotEqual(docs.Example.Trim(), docs.UseInstead.Trim());
            // Each rule records why it has its severity ("It is a warning because ...").
            Assert.True(docs.WhyIsThisBad.Contains(rule.DefaultSeverity.ToName(), StringComparison.OrdinalIgnoreCase),
                $"{rule.Id} {rule.Name}: why-is-this-bad does not explain the '{rule.DefaultSeverity.ToName()}' severity");
            Assert.InRange(rule.Tags.Count, 1, 19);
            if (rule.Category == "security")
                Assert.True(rule.SecuritySeverity is not null, $"{rule.Id} {rule.Name} is a security rule without security-severity");
            else
                Assert.True(rule.SecuritySeverity is null, $"{rule.Id} {rule.Name}: security-severity is for security rules only");
        }
    }

    [Fact]
    public void Every_rule_has_flagged_and_clean_fixtures()
    {
        var fixtures = Fixture.All().ToList();
        foreach (var rule in Rules)
        {
            var own = fixtures.Where(f => f.RuleName == rule.Name).ToList();
            Assert.True(own.Any(f => f.IsFlagged), $"{rule.Id} {rule.Name} has no flagged fixture in Fixtures/{rule.Target}/{rule.Name}/");
            Assert.True(own.Any(f => !f.IsFlagged), $"{rule.Id} {rule.Name} has no clean fixture in Fixtures/{rule.Target}/{rule.Name}/");
        }
    }

    [Fact]
    public void Every_rule_pins_at_least_one_finding_to_an_exact_column_and_message()
    {
        foreach (var rule in Rules)
        {
            var pinned = Fixture.All()
                .Where(f => f.RuleName == rule.Name && f.IsFlagged)
                .SelectMany(f => FixtureExpectation.Parse(File.ReadAllText(f.FullPath)))
                .Any(e => e.Column is not null && e.Message is not null);
            Assert.True(pinned, $"{rule.Id} {rule.Name}: give one expectation a column and the exact message (<!-- expect: {rule.Id}@COL: message -->)");
        }
    }

    [Fact]
    public void Every_fixture_names_an_existing_rule_in_its_target_folder()
    {
        foreach (var fixture in Fixture.All())
        {
            var rule = BuiltInRules.Catalog.Find(fixture.RuleName);
            Assert.True(rule is not null, $"{fixture.RelativePath}: folder '{fixture.RuleName}' names no rule");
            Assert.True(rule!.Name == fixture.RuleName, $"{fixture.RelativePath}: name the folder after the rule name '{rule.Name}', not its id");
            Assert.Equal(rule.Target, fixture.Kind);
            var name = Path.GetFileName(fixture.FullPath);
            Assert.True(name.StartsWith("flagged", StringComparison.Ordinal) || name.StartsWith("clean", StringComparison.Ordinal), $"{fixture.RelativePath}: fixtures are named flagged*.xml or clean*.xml");
            foreach (var expectation in FixtureExpectation.Parse(File.ReadAllText(fixture.FullPath)))
                Assert.True(BuiltInRules.Catalog.Find(expectation.RuleId) is not null, $"{fixture.RelativePath}: expects unknown rule {expectation.RuleId}");
        }
    }

    [Fact]
    public void Messages_are_one_sentence_naming_the_offending_value_in_quotes()
    {
        var problems = new List<string>();
        foreach (var fixture in Fixture.All().Where(f => f.IsFlagged))
        {
            var rule = BuiltInRules.Catalog.Find(fixture.RuleName)!;
            foreach (var finding in FixtureLinting.Lint(fixture.RelativePath, File.ReadAllText(fixture.FullPath)).Where(f => f.RuleId == rule.Id))
            {
                var message = finding.Message;
                if (!message.EndsWith('.')) problems.Add($"{rule.Id}: does not end with a period: {message}");
                if (!char.IsUpper(message[0])) problems.Add($"{rule.Id}: does not start with a capital letter: {message}");
                if (SentenceBreak().IsMatch(message.TrimEnd('.'))) problems.Add($"{rule.Id}: more than one sentence: {message}");
                // Parser messages (document rules) come from the XML reader and do not always quote a value.
                if (rule.Target != "document" && !QuotedValue().IsMatch(message)) problems.Add($"{rule.Id}: names no value in 'single quotes': {message}");
                if (message.Contains("''", StringComparison.Ordinal)) problems.Add($"{rule.Id}: quotes an empty value: {message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private sealed record ShippedId(string Id, string Name, bool Retired);

    private static List<ShippedId> ShippedIds() =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Rules, "ids.txt"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => new ShippedId(parts[0], parts[1], parts.Length > 2 && parts[2] == "retired"))
            .ToList();

    [GeneratedRegex(@"^id:\s*(VL\d{4})\s*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"[.!?]\s+[A-Z]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"'[^']+'")]
    private static partial Regex QuotedValue();
}
