using System.Text;
using System.Xml.Linq;
using VirtLint.Core.Tests.Configuration;

namespace VirtLint.Core.Tests;

/// <summary>A check that needs a node the document lacks is not run; with the node it runs and reports.</summary>
public sealed class RequiredNodesTests
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

    [Fact]
    public void A_check_runs_only_where_an_attribute_has_a_required_value_and_one_of_each_clause_is_present()
    {
        // (hostdev) and (mode='subsystem' or managed='yes' on a hostdev): names and values count only together, never a
        // value under another name, nor on another element when one is named.
        var checker = new NodesChecker(
            [RequiredNode.ElementNamed("hostdev")],
            [RequiredNode.AttributeNamed("mode", "subsystem"), RequiredNode.AttributeNamed("managed", "yes", element: "hostdev")]);
        var linter = new Linter(new RuleCatalog(ConfigTestCatalog.Catalog.Rules, [checker]));
        string[] documents =
        [
            "<domain><devices><hostdev mode='capabilities'/></devices></domain>",
            "<domain><devices><hostdev managed='subsystem'/><disk mode='yes'/></devices></domain>",
            "<domain><devices><disk mode='subsystem'/></devices></domain>",
            "<domain><devices><hostdev/><disk mode=' subsystem'/></devices></domain>",
            "<domain><devices><hostdev/><disk mode='subsystem'/></devices></domain>",
            "<domain xmlns:x='urn:x'><devices><hostdev x:managed='yes'/></devices></domain>",
            "<domain><devices><hostdev managed='yes'/></devices></domain>",
            "<domain><devices><hostdev/><disk managed='yes'/></devices></domain>",
        ];

        linter.Lint(documents.Select((d, i) => LintInput.FromBytes($"{i}.xml", Encoding.UTF8.GetBytes(d))).ToList());

        Assert.Equal(["4.xml", "6.xml"], checker.Paths.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)] // no check needs anything: the engine's sets have no bit
    [InlineData(true)]  // beside a check that needs a node
    public void A_check_needing_nothing_runs_on_every_document(bool withAnother)
    {
        var anything = new NodesChecker();
        var hostdev = new NodesChecker([RequiredNode.ElementNamed("hostdev")]);
        var linter = new Linter(new RuleCatalog(ConfigTestCatalog.Catalog.Rules, withAnother ? [anything, hostdev] : [anything]));
        string[] documents = ["<domain/>", "<domain><devices><hostdev/></devices></domain>"];

        linter.Lint(documents.Select((d, i) => LintInput.FromBytes($"{i}.xml", Encoding.UTF8.GetBytes(d))).ToList());

        Assert.Equal(["0.xml", "1.xml"], anything.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(withAnother ? ["1.xml"] : [], hostdev.Paths);
    }

    [Fact]
    public void An_attribute_without_a_value_counts_whatever_its_value_on_the_named_element()
    {
        var checker = new NodesChecker([RequiredNode.AttributeNamed("order", element: "boot")]);
        var linter = new Linter(new RuleCatalog(ConfigTestCatalog.Catalog.Rules, [checker]));
        string[] documents =
        [
            "<domain><os><boot dev='hd'/></os><devices><disk order='1'/></devices></domain>",
            "<domain><devices><disk><boot order='1'/></disk></devices></domain>",
        ];

        linter.Lint(documents.Select((d, i) => LintInput.FromBytes($"{i}.xml", Encoding.UTF8.GetBytes(d))).ToList());

        Assert.Equal(["1.xml"], checker.Paths);
    }

    private sealed class NodesChecker(params RequiredNode[][] clauses) : RuleChecker
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _paths = [];

        public IEnumerable<string> Paths => _paths;

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override RequiredNode[][] RequiredNodes => clauses;

        public override void Check(CheckContext context) => _paths.Add(context.Document.Path);
    }

    private sealed class NamesChecker(params string[] names) : RuleChecker
    {
        private readonly RequiredNode[][] _required = names.Select(n => new[] { RequiredNode.ElementNamed(n) }).ToArray();
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override RequiredNode[][] RequiredNodes => _required;

        public override void Check(CheckContext context) => Interlocked.Increment(ref _runs);
    }

    private sealed class HostdevChecker : RuleChecker
    {
        private static readonly RequiredNode[][] Required = [[RequiredNode.ElementNamed("devices")], [RequiredNode.ElementNamed("hostdev")]];
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public override RuleDescriptor Descriptor => ConfigTestCatalog.DiskBus;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override RequiredNode[][] RequiredNodes => Required;

        public override void Check(CheckContext context)
        {
            Interlocked.Increment(ref _runs);
            foreach (var hostdev in context.Root.Descendants("hostdev")) context.Report(hostdev, "A host device.");
        }
    }
}
