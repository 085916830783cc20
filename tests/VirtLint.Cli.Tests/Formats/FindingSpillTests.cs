using VirtLint.Cli.Output;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;
using VirtLint.Core.Suppressions;

namespace VirtLint.Cli.Tests.Formats;

/// <summary>What GitHub, JUnit and uncapped SARIF keep on disk until the end of a run comes back exactly as it went in.</summary>
public sealed class FindingSpillTests
{
    [Fact]
    public void Records_come_back_in_order_equal_to_the_findings_and_can_be_read_twice()
    {
        var related = RelatedLocationsHarness.StreamedFinding();
        var suppressed = new Finding(FakeRules.LocalClock, Severity.Note, "Clock offset is 'localtime'.", "vms/ü b.xml", new SourceSpan(3, 10, 3, 28))
        {
            StartOffset = 40,
            EndOffset = 58,
            LogicalLocation = "domain[db]/clock/@offset",
            CanonicalValue = "localtime",
            Suppression = new SuppressionMatch(SuppressionCarrier.Comment, "legacy guest", new DateOnly(2027, 3, 31)),
        };
        var baselined = new Finding(FakeRules.VncAnyInterface, Severity.Error, "", "c.xml", SourceSpan.At(1, 1))
        {
            Baselined = true,
            Suppression = new SuppressionMatch(SuppressionCarrier.Config, null, null),
        };

        using var spill = new FindingSpill();
        spill.AddFile("vms/a.xml");
        spill.Add(related, "915c3485f1c45974:1");
        spill.AddFile("vms/ü b.xml");
        spill.Add(suppressed);
        spill.Add(baselined, "");

        for (var pass = 0; pass < 2; pass++)
        {
            var records = spill.Read().ToArray();
            Assert.Equal(5, records.Length);
            Assert.Equal(("vms/a.xml", (Finding?)null), (records[0].File, records[0].Finding));
            Assert.Equal("vms/ü b.xml", records[2].File);
            AssertSame(related, records[1].Finding!);
            Assert.Equal("915c3485f1c45974:1", records[1].Extra);
            AssertSame(suppressed, records[3].Finding!);
            Assert.Null(records[3].Extra);
            AssertSame(baselined, records[4].Finding!);
            Assert.Equal("", records[4].Extra);
        }

        Assert.Equal(3, spill.Count);
    }

    [Fact]
    public void An_empty_spill_reads_nothing()
    {
        using var spill = new FindingSpill();
        Assert.Empty(spill.Read());
    }

    private static void AssertSame(Finding expected, Finding actual)
    {
        // Records compare their lists by reference: compare the related locations apart.
        Assert.Equal(expected.Related, actual.Related);
        Assert.Equal(expected with { Related = [] }, actual with { Related = [] });
        Assert.Same(expected.Rule, actual.Rule);
    }
}
