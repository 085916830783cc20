using System.Text;
using VirtLint.Core.Baselines;
using VirtLint.Core.Configuration;
using VirtLint.Core.Suppressions;
using VirtLint.Core.Tests.Configuration;

namespace VirtLint.Core.Tests;

/// <summary>The stages between "checker reported" and the report: configuration, suppressions, baseline.</summary>
public sealed class LinterStagesTests : IDisposable
{
    private const string Domain = "<domain>\n  <name>web01</name>\n  <devices>\n    <disk><target dev='vda' bus='ide'/></disk>\n    <disk><target dev='vdb' bus='sata'/></disk>\n  </devices>\n</domain>\n";

    private static readonly BusChecker Checker = new();
    private static readonly RuleCatalog Catalog = new(ConfigTestCatalog.Catalog.Rules, [Checker]);
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private LintInput Input(string config, string text = Domain)
    {
        _tree.Write(".virtlint.yaml", config);
        var path = _tree.Write("vm.xml", text);
        var resolver = new ConfigResolver(new RuleLookup(Catalog));
        return LintInput.FromBytes("vm.xml", Encoding.UTF8.GetBytes(text)) with { Config = resolver.For(path) };
    }

    [Fact]
    public void Severity_and_typed_parameters_come_from_the_configuration_and_findings_carry_their_identity()
    {
        var input = Input("rules:\n  disk-bus-not-virtio:\n    severity: error\n    params: { emulated-buses: [sata] }\n");

        var finding = Assert.Single(new Linter(Catalog).Lint([input]).Findings);

        Assert.Equal((Severity.Error, 5, 29), (finding.Severity, finding.Span.StartLine, finding.Span.StartColumn));
        Assert.Equal("bus='sata'", Domain[finding.StartOffset..finding.EndOffset]);
        Assert.Equal("domain[web01]/devices/disk[vdb]/target/@bus", finding.LogicalLocation);
        Assert.Equal(ValueHash.Hash("sata"), finding.ValueHash);
        Assert.Empty(finding.Related);
        Assert.Null(finding.Fix);
        Assert.True(finding.IsActive);
    }

    [Fact]
    public void A_rule_turned_off_is_not_run()
    {
        var before = Checker.Runs;

        var report = new Linter(Catalog).Lint([Input("rules:\n  VL1001: off\n")]);

        Assert.Empty(report.Findings);
        Assert.Equal(before, Checker.Runs);
    }

    [Fact]
    public void Suppressed_and_baselined_findings_are_hidden_with_their_state()
    {
        var text = Domain.Replace("    <disk><target dev='vda'", "    <!-- virtlint-disable-next-element VL1001 reason=\"legacy\" -->\n    <disk><target dev='vda'", StringComparison.Ordinal);
        var baseline = Baseline.Create([new BaselineIdentity("vm.xml", "VL1001", "domain[web01]/devices/disk[vdb]/target/@bus", ValueHash.Hash("sata"))]);

        var report = new Linter(Catalog, new LintOptions { Baseline = new BaselineMatcher(baseline) }).Lint([Input("{}\n", text)]);

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.Hidden.Count);
        Assert.Equal(new SuppressionMatch(SuppressionCarrier.Comment, "legacy", null), report.Hidden[0].Suppression);
        Assert.True(report.Hidden[1].Baselined);
        Assert.Equal((1, 1), (report.SuppressedCount, report.BaselinedCount));
    }

    [Fact]
    public void Identities_are_left_out_only_when_no_format_or_baseline_needs_them()
    {
        var config = "rules:\n  disk-bus-not-virtio:\n    params: { emulated-buses: [sata] }\n";

        var without = Assert.Single(new Linter(Catalog, new LintOptions { FindingIdentities = false }).Lint([Input(config)]).Findings);
        var baseline = new BaselineMatcher(Baseline.Create([new BaselineIdentity("other.xml", "VL1001", "domain", "")]));
        var withBaseline = Assert.Single(new Linter(Catalog, new LintOptions { FindingIdentities = false, Baseline = baseline }).Lint([Input(config)]).Findings);

        Assert.Equal(("", ""), (without.LogicalLocation, without.CanonicalValue));
        Assert.Equal((5, 29), (without.Span.StartLine, without.Span.StartColumn));
        Assert.Equal("domain[web01]/devices/disk[vdb]/target/@bus", withBaseline.LogicalLocation);
        Assert.Equal(ValueHash.Hash("sata"), withBaseline.ValueHash);
    }

    /// <summary>VL1001 with its declared parameter, as the generator would compile it.</summary>
    private sealed class BusChecker : RuleChecker
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            Interlocked.Increment(ref _runs);
            var buses = context.GetStringList("emulated-buses", ["ide", "sata", "usb", "fdc"]);
            foreach (var target in context.Root.Descendants("target"))
                if (target.Attribute("bus") is { } bus && buses.Contains(bus.Value)) context.Report(bus, $"Disk '{(string?)target.Attribute("dev")}' uses '{bus.Value}'.");
        }
    }
}
