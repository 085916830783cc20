using System.Xml.Linq;
using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// Calibrates the default severities on the definitions most guests start from: virt-install's. Under the default
/// gate (warning) its Linux guests pass, and every finding on any guest is one the rule's docs justify.
/// </summary>
public sealed class VirtInstallCorpusTests
{
    private static readonly string[] LinuxGuests = ["almalinux-9", "debian-12", "fedora-41", "rhel-9", "ubuntu-22.04", "ubuntu-24.04"];
    private static readonly string[] WindowsGuests = ["windows-11", "windows-server-2022"];
    private static readonly string[] Variants = ["default", "bridge-vnc", "uefi-tpm", "headless"];

    private static LintReport Report => VirtInstallCorpus.Run.Value.Report;

    [Fact]
    public void The_corpus_holds_every_guest_and_option_set_as_kvm_domains()
    {
        var expected = LinuxGuests.SelectMany(g => Variants.Append("install-iso").Select(v => $"{g}-{v}.xml"))
            .Concat(WindowsGuests.SelectMany(g => Variants.Select(v => $"{g}-{v}.xml")))
            .Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(VirtInstallCorpus.Folder, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);

        // A regeneration against a host without KVM would silently produce type='test' guests without virtio.
        foreach (var file in Directory.GetFiles(VirtInstallCorpus.Folder, "*.xml"))
        {
            var root = XDocument.Load(file).Root!;
            Assert.Equal("kvm", (string?)root.Attribute("type"));
            Assert.Equal("q35", (string?)root.Element("os")?.Element("type")?.Attribute("machine"));
        }

        Assert.Equal(Directory.GetFiles(VirtInstallCorpus.Folder, "*.xml").Length, Report.FileCount);
        Assert.Empty(Report.Errors);
    }

    [Fact]
    public void Linux_guests_pass_the_default_gate()
    {
        var loud = Report.Findings.Where(f => !VirtInstallCorpus.IsWindows(f.Path) && f.Severity >= Severity.Warning).ToList();
        Assert.True(loud.Count == 0, "virt-install's Linux guests must have no warning or error:\n" + string.Join("\n", loud.Select(Describe)));
    }

    [Fact]
    public void The_findings_are_the_reviewed_ones()
    {
        // Each rule here was reviewed on this corpus and says in its docs why the finding is worth an operator's time.
        // A rule that starts firing on virt-install's output needs the same review before it joins the list.
        Assert.Equal(["VL1003"], RulesOn(linux: true));
        Assert.Equal(["VL1001", "VL1003", "VL1201", "VL1205", "VL1206"], RulesOn(linux: false));
    }

    [Fact]
    public void Every_rule_that_fires_explains_why_in_its_docs()
    {
        foreach (var id in Report.Findings.Select(f => f.RuleId).Distinct())
        {
            var rule = BuiltInRules.Catalog.Find(id)!;
            Assert.True((rule.Docs.WhatItDoes + rule.Docs.WhyIsThisBad).Contains("virt-install", StringComparison.Ordinal),
                $"{rule.Id} {rule.Name} fires on virt-install's output: say in its docs why an operator wants that finding");
        }
    }

    private static IEnumerable<string> RulesOn(bool linux) =>
        Report.Findings.Where(f => VirtInstallCorpus.IsWindows(f.Path) != linux).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal);

    private static string Describe(Finding f) => $"{Path.GetFileName(f.Path)}:{f.Span.StartLine}: {f.Severity.ToName()} {f.RuleId} {f.Message}";
}
