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
