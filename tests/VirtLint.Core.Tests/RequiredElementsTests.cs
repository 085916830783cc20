using System.Text;
using System.Xml.Linq;
using VirtLint.Core.Tests.Configuration;

namespace VirtLint.Core.Tests;

/// <summary>A check whose context needs an element the document lacks is not run; with the element it runs and reports.</summary>
public sealed class RequiredElementsTests
{
    [Fact]
    public void A_check_runs_only_on_documents_holding_every_element_it_requires()
    {
        var checker = new HostdevChecker();
        var linter = new Linter(new RuleCatalog(ConfigTestCatalog.Catalog.Rules, [checker]));
        var without = LintInput.FromBytes("a.xml", Encoding.UTF8.GetBytes("<domain><name>a</name><devices><disk/></devices></domain>"));
        var with = LintInput.FromBytes("b.xml", Encoding.UTF8.GetBytes("<domain><name>b</name><devices><hostdev/></devices></domain>"));

        var report = linter.Lint([without, with]);

        Assert.Equal(1, checker.Runs);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("b.xml", 1, 32), (finding.Path, finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Fact]
    public void Required_names_beyond_the_first_64_are_matched_as_exactly()
    {
        // 70 names: the last checkers' bits lie in the second word of the engine's sets.
        var checkers = Enumerable.Range(0, 70).Select(i => new NamesChecker($"e{i}")).ToList();
        var both = new NamesChecker("e3", "e69");
        var linter = new Linter(new RuleCatalog(ConfigTestCatalog.Catalog.Rules, [.. checkers, both]));
        var document = LintInput.FromBytes("a.xml", Encoding.UTF8.GetBytes("<domain><name>a</name><e3/><devices><e69/><e64/></devices></domain>"));

        linter.Lint([document]);

        Assert.Equal([3, 64, 69], checkers.Select((c, i) => (c, i)).Where(p => p.c.Runs == 1).Select(p => p.i));
        Assert.Equal(1, both.Runs);
    }

    private sealed class NamesChecker(params string[] names) : RuleChecker
    {
        private readonly XName[] _required = names.Select(n => XName.Get(n)).ToArray();
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override XName[] RequiredElements => _required;

        public override void Check(CheckContext context) => Interlocked.Increment(ref _runs);
    }

    private sealed class HostdevChecker : RuleChecker
    {
        private static readonly XName[] Required = ["devices", "hostdev"];
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override XName[] RequiredElements => Required;

        public override void Check(CheckContext context)
        {
            Interlocked.Increment(ref _runs);
            foreach (var hostdev in context.Root.Descendants("hostdev")) context.Report(hostdev, "A host device.");
        }
    }
}
