using System.Text;
using VirtLint.Core;
using VirtLint.Core.Baselines;
using VirtLint.Core.Configuration;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Cross-document findings through the engine's stages: located in their own file with related locations, hidden by
/// suppressions and the baseline, configured per file, notes for rules that cannot judge, standard input.
/// </summary>
public sealed class WorkspaceEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("virtlint-ws-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Domain(string name, string mac, string network = "default", string before = "") => $"""
        <domain type='kvm'>
          <name>{name}</name>
          <memory unit='KiB'>1048576</memory>
          <devices>
            <interface type='network'>
        {before}      <mac address='{mac}'/>
              <source network='{network}'/>
            </interface>
          </devices>
        </domain>

        """;

    private static LintInput Input(string path, string text) => LintInput.FromBytes(path, Encoding.UTF8.GetBytes(text));

    private static IReadOnlyList<Finding> Own(LintReport report, string rule) => report.Findings.Where(f => f.RuleId == rule).ToList();

    [Fact]
    public void A_finding_is_located_in_its_own_file_with_its_identity_and_names_the_other_file()
    {
        var report = new Linter(BuiltInRules.Catalog).Lint([Input("a.xml", Domain("a", "52:54:00:00:00:01")), Input("b.xml", Domain("b", "52:54:00:00:00:01"))]);

        var finding = Assert.Single(Own(report, "VL5003"));
        Assert.Equal(("b.xml", 6, 7, 6, 11), (finding.Path, finding.Span.StartLine, finding.Span.StartColumn, finding.Span.EndLine, finding.Span.EndColumn));
        Assert.Equal("MAC address '52:54:00:00:00:01' is already used by another domain; give each interface its own address.", finding.Message);
        Assert.Equal("domain[b]/devices/interface[52:54:00:00:00:01]/mac", finding.LogicalLocation);
        Assert.Equal("<mac", Domain("b", "52:54:00:00:00:01")[finding.StartOffset..finding.EndOffset]);
        var related = Assert.Single(finding.Related);
        Assert.Equal(("a.xml", 6, 7, "MAC address '52:54:00:00:00:01' is first used here."), (related.Path, related.Span.StartLine, related.Span.StartColumn, related.Message));
        Assert.True(report.Sources.ContainsKey("b.xml"));
    }

    [Fact]
    public void An_inline_suppression_hides_a_cross_document_finding_and_is_not_reported_unused()
    {
        var suppressed = Domain("b", "52:54:00:00:00:01", before: "      <!-- virtlint-disable-next-element VL5003 reason=\"lab clone, never on the same network\" -->\n");
        var report = new Linter(BuiltInRules.Catalog).Lint([Input("a.xml", Domain("a", "52:54:00:00:00:01")), Input("b.xml", suppressed)]);

        Assert.Empty(Own(report, "VL5003"));
        var hidden = Assert.Single(report.Hidden, f => f.RuleId == "VL5003");
        Assert.Equal("lab clone, never on the same network", hidden.Suppression!.Reason);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "VL0022" or "VL0024");
    }

    [Fact]
    public void A_baseline_entry_accepts_a_cross_document_finding_by_its_identity()
    {
        var inputs = new[] { Input("a.xml", Domain("a", "52:54:00:00:00:01")), Input("b.xml", Domain("b", "52:54:00:00:00:01")) };
        var first = new Linter(BuiltInRules.Catalog).Lint(inputs);
        var baseline = Baseline.Create(first.Findings.Select(f => f.Identity(f.Path)));

        var again = new Linter(BuiltInRules.Catalog, new LintOptions { Baseline = new BaselineMatcher(baseline) }).Lint(inputs);

        Assert.Empty(Own(again, "VL5003"));
        Assert.True(Assert.Single(again.Hidden, f => f.RuleId == "VL5003").Baselined);
    }

    [Fact]
    public void A_rule_without_the_documents_it_needs_is_silent_and_says_so_once()
    {
        var report = new Linter(BuiltInRules.Catalog).Lint([Input("a.xml", Domain("a", "52:54:00:00:00:01", "nowhere")), Input("b.xml", Domain("b", "52:54:00:00:00:02", "nowhere"))]);

        Assert.Empty(Own(report, "VL5008"));
        var note = Assert.Single(report.Notes, n => n.RuleId == "VL5008");
        Assert.Equal("interface-network-undefined was not checked: the run has no network document to check against.", note.Message);
        // Nothing to check against and nothing to check: no note either (no pool, no volume disk).
        Assert.DoesNotContain(report.Notes, n => n.RuleId == "VL5006");
    }

    [Fact]
    public void With_the_network_given_the_rule_judges_and_reports_no_note()
    {
        const string network = "<network>\n  <name>default</name>\n</network>\n";
        var report = new Linter(BuiltInRules.Catalog).Lint([Input("a.xml", Domain("a", "52:54:00:00:00:01", "nowhere")), Input("default.xml", network)]);

        var finding = Assert.Single(Own(report, "VL5008"));
        Assert.Equal(("a.xml", 7, 7), (finding.Path, finding.Span.StartLine, finding.Span.StartColumn));
        Assert.DoesNotContain(report.Notes, n => n.RuleId == "VL5008");
    }

    [Fact]
    public void Standard_input_is_checked_against_the_files_and_located_in_its_own_text()
    {
        // '<stdin>' sorts before every file name, so the piped domain is the first user of the address.
        var report = new Linter(BuiltInRules.Catalog).Lint([Input("a.xml", Domain("a", "52:54:00:00:00:01")), Input(LintInput.StdinName, Domain("piped", "52:54:00:00:00:01", "nowhere"))]);

        var finding = Assert.Single(Own(report, "VL5003"));
        Assert.Equal(("a.xml", 6), (finding.Path, finding.Span.StartLine));
        Assert.Equal((LintInput.StdinName, 6), (Assert.Single(finding.Related).Path, finding.Related[0].Span.StartLine));
    }

    [Fact]
    public void A_file_whose_configuration_turns_the_rule_off_neither_reports_nor_contributes()
    {
        File.WriteAllText(Path.Combine(_dir, ".virtlint.yaml"), "overrides:\n  - files: [\"lab/*.xml\"]\n    rules: { mac-address-duplicate: off }\n");
        Directory.CreateDirectory(Path.Combine(_dir, "lab"));
        var resolver = new ConfigResolver(new RuleLookup(BuiltInRules.Catalog));
        LintInput At(string relative, string text)
        {
            var path = Path.Combine(_dir, relative);
            File.WriteAllText(path, text);
            return Input(relative, text) with { Config = resolver.For(path) };
        }

        var report = new Linter(BuiltInRules.Catalog).Lint([
            At("a.xml", Domain("a", "52:54:00:00:00:01")),
            At("lab/b.xml", Domain("b", "52:54:00:00:00:01")),
            At("lab/c.xml", Domain("c", "52:54:00:00:00:02")),
            At("z.xml", Domain("z", "52:54:00:00:00:02")),
        ]);

        Assert.Empty(Own(report, "VL5003"));
    }

    [Fact]
    public void A_node_file_is_one_host_and_every_other_file_another()
    {
        string Node(string name) => "<node>\n" + Domain(name, "52:54:00:00:00:0" + name.Length) + "</node>\n";
        var report = new Linter(BuiltInRules.Catalog).Lint([
            Input("host1.xml", Node("web").Replace("<name>web</name>", "<name>db</name>", StringComparison.Ordinal) + ""),
            Input("host2.xml", Node("db")),
            Input("x.xml", Domain("db", "52:54:00:00:00:09")),
            Input("y.xml", Domain("db", "52:54:00:00:00:08")),
        ]);

        var finding = Assert.Single(Own(report, "VL5001"));
        Assert.Equal(("y.xml", 2, 3), (finding.Path, finding.Span.StartLine, finding.Span.StartColumn));
        Assert.Equal(("x.xml", 2), (Assert.Single(finding.Related).Path, finding.Related[0].Span.StartLine));
    }
}
