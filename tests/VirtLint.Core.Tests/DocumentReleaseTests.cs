using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using VirtLint.Core.Schema;
using VirtLint.Core.Tests.Schema;
using VirtLint.Core.XPath;
using static VirtLint.Core.Tests.Schema.SchemaTestRules;

namespace VirtLint.Core.Tests;

/// <summary>
/// Once a document's checks are done, the linting thread keeps nothing of it: what the checks cached per thread (child
/// indexes, gathered grandchildren, the schema walk) would otherwise hold the whole tree while the thread parses its
/// next file.
/// </summary>
public sealed class DocumentReleaseTests
{
    [Fact]
    public void A_finished_document_is_not_kept_alive_by_the_thread_that_checked_it()
    {
        var watcher = new WatchingChecker();
        RuleChecker[] checkers = [.. SchemaTestRules.Checkers(UnknownElement), watcher];

        var problems = Check(checkers);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal(["VL0010 Element 'gadget' is not allowed in <devices>."], problems.Where(p => p.Contains("gadget", StringComparison.Ordinal)));
        Assert.True(watcher.Checked);
        Assert.False(watcher.Document!.TryGetTarget(out _), "the checked document is still reachable");
    }

    /// <summary>Checks a document on this thread as the engine does (the schema walk marking required nodes, then each check), and finishes it.</summary>
    // Not inlined, so that no local of the test method holds the document.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<string> Check(RuleChecker[] checkers)
    {
        var devices = string.Concat(Enumerable.Range(0, 12).Select(i => $"<disk><address type='pci' slot='{i + 1}'/></disk>"));
        var xml = $"<domain type='kvm'><devices>{devices}<gadget/></devices></domain>";
        var catalog = new RuleCatalog([TestCatalog.NotWellFormed, TestCatalog.NotLibvirt, UnknownElement, WatchingChecker.Rule], checkers);
        var document = DocumentLoader.Load("a.xml", Encoding.UTF8.GetBytes(xml), catalog).Documents.Single();
        new RequiredNodeSets(checkers).Of(document, schemaChecked: true);
        var findings = new ReportedFindings();
        var context = new CheckContext(document, checkers[0].Descriptor, Severity.Error, Core.Configuration.RuleParameters.Defaults, findings);
        foreach (var checker in checkers) checker.Check(context.For(checker.Descriptor, Severity.Error, Core.Configuration.RuleParameters.Defaults));
        context.Finish();
        return findings.Items.Select(i => $"{i.Finding.RuleId} {i.Finding.Message}").ToList();
    }

    /// <summary>Reads the document through the per-thread caches (child index, grandchildren) and keeps only a weak reference to it.</summary>
    private sealed class WatchingChecker : RuleChecker
    {
        public static readonly RuleDescriptor Rule = TestCatalog.Rule("VL1999", "watcher", Severity.Note, "domain");
        private static readonly XName Devices = "devices";
        private static readonly XName Disk = "disk";
        private static readonly XName Address = "address";

        public WeakReference<XDocument>? Document { get; private set; }

        public bool Checked { get; private set; }

        public override RuleDescriptor Descriptor => Rule;

        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            Document = new WeakReference<XDocument>(context.Document.Xml);
            var devices = context.Root.Element(Devices)!;
            // Twice, so the second walk builds the child index; then every device's address, gathered once.
            Checked = Disks(devices) == 12 && Disks(devices) == 12 && Addresses(devices) == 12;
        }

        private static int Disks(XElement devices)
        {
            var count = 0;
            foreach (var _ in Xp.Children(devices, Disk)) count++;
            return count;
        }

        private static int Addresses(XElement devices)
        {
            var count = 0;
            foreach (var _ in Xp.GrandChildren(devices, Address)) count++;
            return count;
        }
    }
}
