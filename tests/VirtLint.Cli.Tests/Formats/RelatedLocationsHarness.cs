using System.Text;
using VirtLint.Cli.Check;
using VirtLint.Cli.Formats;
using VirtLint.Cli.Output;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;
using VirtLint.Core.Decoding;

namespace VirtLint.Cli.Tests.Formats;

/// <summary>
/// A run fed by hand to a format through the command's own sink (<see cref="StreamingReports"/>), as cross-document
/// rules will produce it: a finding with a related location in another file while its file is streamed, a late
/// finding (known only at the end of the run) on a file streamed earlier with a related location back, and a run note.
/// </summary>
internal static class RelatedLocationsHarness
{
    /// <summary>The disk line of <see cref="Fixtures.IdeDisk"/>: VL1001 at 5:25-5:34.</summary>
    public static Finding StreamedFinding() =>
        new(FakeRules.DiskBus, Severity.Warning, "Disk 'vda' uses bus 'ide'; use 'virtio'.", "vms/a.xml", new SourceSpan(5, 25, 5, 34))
        {
            LogicalLocation = "domain[web]/devices/disk[vda]/target/@bus",
            CanonicalValue = "ide",
            Related = [new RelatedLocation("vms/b.xml", new SourceSpan(3, 10, 3, 28), "The same image is used by domain 'db' here.")],
        };

    public static Finding LateFinding() =>
        new(FakeRules.LocalClock, Severity.Note, "Clock offset is 'localtime'.", "vms/b.xml", new SourceSpan(3, 10, 3, 28))
        {
            LogicalLocation = "domain[db]/clock/@offset",
            CanonicalValue = "localtime",
            Related =
            [
                new RelatedLocation("vms/a.xml", new SourceSpan(5, 25, 5, 34), "Domain 'web' is defined here."),
                new RelatedLocation("vms/a.xml", new SourceSpan(2, 3, 2, 18), "Its name: 'web'."),
            ],
        };

    public static RunNote Note() => new("VL1002", "No network definitions were given, so interfaces were not checked against them.");

    /// <summary>Runs the format over the hand-made run and returns what it wrote.</summary>
    /// <param name="lateSeverity">The late finding's severity (its rule's default, note, unless given).</param>
    public static string Run(Workspace workspace, string format, int sarifMaxResults = SarifFormatter.DefaultMaxResults, Severity lateSeverity = Severity.Note)
    {
        workspace.Write("vms/a.xml", Fixtures.IdeDisk);
        workspace.Write("vms/b.xml", Fixtures.LocalClock);
        var fullPaths = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["vms/a.xml"] = workspace.PathOf("vms/a.xml"),
            ["vms/b.xml"] = workspace.PathOf("vms/b.xml"),
        };
        var context = new ReportContext
        {
            Catalog = FakeRules.Catalog,
            Paths = new ArtifactPaths(fullPaths, workspace.Root, workspace.Root, null),
            SarifMaxResults = sarifMaxResults,
        };
        var policy = ExitPolicy.Default;
        var sink = new StreamingReports(context, new RunTally(policy), tally => RunOutcome.Evaluate(tally, policy));
        var output = new StringWriter { NewLine = "\n" };
        sink.Add(ReportFormats.Create(new OutputRequest(format, null)), output);

        var bytes = Encoding.UTF8.GetBytes(Fixtures.IdeDisk);
        sink.OnFile(new LintedFile("vms/a.xml", new SourceFile("vms/a.xml", bytes, SourceEncoding.Utf8), [StreamedFinding()], [], null));
        sink.OnFile(new LintedFile("vms/b.xml", null, [], [], null));
        sink.OnEnd(new LintSummary([LateFinding() with { Severity = lateSeverity }], [], 2) { Notes = [Note()] });
        Assert.Null(sink.FailureOf(0));
        return output.ToString();
    }
}
