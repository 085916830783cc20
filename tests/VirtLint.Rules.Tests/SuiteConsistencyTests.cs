using System.Text.RegularExpressions;
using VirtLint.Core;
using VirtLint.RuleRuntime.Testing;

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
    public void Every_rule_is_documented()
    {
        foreach (var rule in Rules)
        {
            var docs = rule.Docs;
            foreach (var (section, text) in new[] { ("what-it-does", docs.WhatItDoes), ("why-is-this-bad", docs.WhyIsThisBad), ("example", docs.Example), ("use-instead", docs.UseInstead) })
                Assert.True(text.Trim().Length >= 10, $"{rule.Id} {rule.Name}: docs section '{section}' is empty or too short");
            Assert.True(docs.References.Count > 0, $"{rule.Id} {rule.Name}: add at least one reference");
            Assert.NotEqual(docs.Example.Trim(), docs.UseInstead.Trim());
            // rules/README.md: an error is a definition libvirt or QEMU refuses, or data loss, shown in their source.
            if (rule.DefaultSeverity == Severity.Error && rule.Target != "document" && !OwnedElsewhere.Contains(rule.Id))
                Assert.True(docs.References.Any(r => SourceReference().IsMatch(r)),
                    $"{rule.Id} {rule.Name} is an error but cites no libvirt or QEMU source: add a reference such as "
                    + "'https://gitlab.com/libvirt/libvirt/-/blob/v9.0.0/src/qemu/qemu_validate.c (qemuValidateDomainDeviceDefDisk)', or lower the severity");
            foreach (var reference in docs.References.Where(r => r.StartsWith("https://gitlab.com/libvirt/", StringComparison.Ordinal) || r.StartsWith("https://gitlab.com/qemu-project/", StringComparison.Ordinal)))
                Assert.True(OwnedElsewhere.Contains(rule.Id) || SourceReference().IsMatch(reference) || PinnedDataFile().IsMatch(reference),
                    $"{rule.Id} {rule.Name}: source reference '{reference}' must name a release tag and the function, e.g. '.../-/blob/v9.0.0/src/conf/domain_conf.c (virDomainDefParseXML)'");
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
        // Cross-document rules' samples are folders: WorkspaceFixtureTests checks them.
        foreach (var rule in Rules.Where(r => r.Target != "workspace"))
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
            var files = Fixture.All().Where(f => f.RuleName == rule.Name && f.IsFlagged).Select(f => f.FullPath)
                .Concat(WorkspaceFixture.All().Where(f => f.RuleName == rule.Name && Path.GetFileName(f.FullPath).StartsWith("flagged", StringComparison.Ordinal))
                    .SelectMany(f => Directory.GetFiles(f.FullPath, "*.xml")));
            var pinned = files
                .SelectMany(f => SampleExpectation.Parse(File.ReadAllText(f)))
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
            foreach (var expectation in SampleExpectation.Parse(File.ReadAllText(fixture.FullPath)))
                Assert.True(BuiltInRules.Catalog.Find(expectation.RuleId) is not null, $"{fixture.RelativePath}: expects unknown rule {expectation.RuleId}");
        }
    }

    /// <summary>
    /// The rule language checks each message template (one sentence, a capital, a period, a value in 'single quotes':
    /// VLG0011). What it cannot see is a placeholder's value: this checks that no fixture makes one quote nothing.
    /// </summary>
    [Fact]
    public void Messages_never_quote_an_empty_value()
    {
        var problems = new List<string>();
        var linter = new Linter(FailingFixtureChecker.Catalog);
        foreach (var fixture in Fixture.All().Where(f => f.IsFlagged))
        {
            var rule = BuiltInRules.Catalog.Find(fixture.RuleName)!;
            var fixtureLinter = Path.Exists(Path.ChangeExtension(fixture.FullPath, ".baseline.json")) ? RuleFixtureTests.LinterFor(fixture) : linter;
            foreach (var finding in fixtureLinter.Lint(fixture.RelativePath, File.ReadAllText(fixture.FullPath)).Where(f => f.RuleId == rule.Id))
            {
                if (finding.Message.Contains("''", StringComparison.Ordinal)) problems.Add($"{rule.Id}: quotes an empty value: {finding.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>
    /// Rules whose files are being rewritten on another branch (the duplicate-detection rules): they do not yet state
    /// their scope or cite their source. Remove an id once its file does; the tests fail to say so.
    /// </summary>
    private static readonly HashSet<string> OwnedElsewhere = [];

    [Fact]
    public void Every_domain_rule_states_its_scope()
    {
        foreach (var rule in Rules.Where(r => r.Target == "domain"))
        {
            if (OwnedElsewhere.Contains(rule.Id))
            {
                Assert.True(rule.Scope is null, $"{rule.Id} {rule.Name} now states its scope: remove it from OwnedElsewhere");
                continue;
            }

            Assert.True(rule.Scope is not null, $"{rule.Id} {rule.Name}: state where the rule applies with 'scope:' (hypervisors: any when it does not depend on the hypervisor)");
        }

        foreach (var rule in Rules.Where(r => r.Target != "domain"))
            Assert.Null(rule.Scope);
    }

    [Fact]
    public void Checks_leave_the_domain_type_to_the_scope()
    {
        foreach (var file in RuleFiles())
        {
            var text = File.ReadAllText(file);
            var check = text.IndexOf("\ncheck:", StringComparison.Ordinal) is var start and >= 0 ? text[start..] : "";
            check = check.IndexOf("\nmessage:", StringComparison.Ordinal) is var end and >= 0 ? check[..end] : check;
            Assert.False(check.Contains("/domain[@type", StringComparison.Ordinal),
                $"{RepositoryPaths.Relative(file)}: select the domain type with 'scope: {{ hypervisors: [...] }}' instead of a /domain[@type ...] predicate");
        }
    }

    [Fact]
    public void Rules_relying_on_a_QEMU_default_are_QEMU_only()
    {
        // A rule that states QEMU's or libvirt's QEMU driver's default must not fire on Xen, VMware, Hyper-V or bhyve.
        var qemu = new[] { "kvm", "qemu", "hvf" };
        foreach (var rule in Rules.Where(r => r.Scope is not null && MentionsQemuDefault().IsMatch(r.Docs.WhatItDoes + " " + r.Docs.WhyIsThisBad)))
            Assert.True(rule.Scope!.Hypervisors.Count > 0 && rule.Scope.Hypervisors.All(qemu.Contains),
                $"{rule.Id} {rule.Name} relies on a QEMU default but its scope allows '{string.Join(", ", rule.Scope.Hypervisors.DefaultIfEmpty("any"))}'");
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

    /// <summary>A link into libvirt's or QEMU's source at a release tag, naming the functions: <c>https://… (virFoo, virBar)</c>.</summary>
    [GeneratedRegex(@"^https://gitlab\.com/(libvirt/libvirt|qemu-project/qemu)/-/blob/v[0-9]+(\.[0-9]+)*/\S+\.[ch] \([A-Za-z_][A-Za-z0-9_]*(, [A-Za-z_][A-Za-z0-9_]*)*\)$")]
    private static partial Regex SourceReference();

    // Schemas and other data files have no function to name; they still name the release they were read from.
    [GeneratedRegex(@"^https://gitlab\.com/(libvirt/libvirt|qemu-project/qemu)/-/blob/v[0-9]+(\.[0-9]+)*/\S+\.(rng|json|xml)$")]
    private static partial Regex PinnedDataFile();

    [GeneratedRegex(@"(QEMU|QEMU's|the hypervisor)('s)? default|default (of|in) QEMU|libvirt's QEMU driver (picks|fills|sets)", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsQemuDefault();
}
