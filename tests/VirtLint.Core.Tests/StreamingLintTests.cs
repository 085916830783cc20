using VirtLint.Core;

namespace VirtLint.Core.Tests;

public sealed class StreamingLintTests
{
    private static LintInput Vm(string path, string dev) => LintInput.FromBytes(path,
        System.Text.Encoding.UTF8.GetBytes($"<domain>\n<devices>\n<disk><target dev='{dev}'/></disk>\n</devices>\n</domain>"));

    /// <summary>Records what the linter delivers and how many outcomes were in memory, not yet delivered, at once.</summary>
    private sealed class RecordingSink : ILintSink
    {
        public List<LintedFile> Files { get; } = [];
        public LintSummary? Summary { get; private set; }
        public int EndCalls { get; private set; }

        public void OnFile(LintedFile file)
        {
            Assert.Null(Summary);
            Files.Add(file);
        }

        public void OnEnd(LintSummary summary)
        {
            Summary = summary;
            EndCalls++;
        }
    }

    [Fact]
    public void Files_arrive_in_path_order_with_their_own_sorted_findings_then_the_end_once()
    {
        // Given out of order, and more files than the window holds.
        var inputs = Enumerable.Range(0, 50).Select(i => Vm($"vm{(i * 37) % 50:D2}.xml", $"vd{i}")).ToList();
        var sink = new RecordingSink();

        new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 4, Window = 4 }).Lint(inputs, sink);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"vm{i:D2}.xml"), sink.Files.Select(f => f.Path));
        Assert.All(sink.Files, file =>
        {
            var finding = Assert.Single(file.Findings);
            Assert.Equal(("VL1999", file.Path, 3, 1), (finding.RuleId, finding.Path, finding.Span.StartLine, finding.Span.StartColumn));
            Assert.NotNull(file.Source);
        });
        Assert.Equal(1, sink.EndCalls);
        Assert.Equal(50, sink.Summary!.FileCount);
        Assert.Empty(sink.Summary.Findings);
    }

    [Fact]
    public void Streaming_and_the_collected_report_agree()
    {
        var inputs = Enumerable.Range(0, 30).Select(i => Vm($"d{i % 5}/vm{i:D2}.xml", i % 3 == 0 ? "sda" : "vdb")).ToList();
        var linter = new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 3, Window = 2 });
        var sink = new RecordingSink();

        linter.Lint(inputs, sink);
        var report = linter.Lint(inputs);

        Assert.Equal(report.Findings.Select(f => (f.Path, f.Span, f.Message)), sink.Files.SelectMany(f => f.Findings).Select(f => (f.Path, f.Span, f.Message)));
        Assert.Equal(report.Files, sink.Files.Select(f => f.Path));
    }

    [Fact]
    public void A_file_that_cannot_be_read_arrives_in_its_place_as_an_error_and_in_the_summary()
    {
        var missing = new LintInput("b.xml", Path.Combine(Path.GetTempPath(), $"virtlint-missing-{Guid.NewGuid():N}.xml"));
        var sink = new RecordingSink();

        new Linter(TestCatalog.Catalog).Lint([Vm("c.xml", "vda"), missing, Vm("a.xml", "vda")], sink, [new InputError("zzz", "no such file or directory")]);

        Assert.Equal(["a.xml", "b.xml", "c.xml"], sink.Files.Select(f => f.Path));
        Assert.Equal("no such file or directory", sink.Files[1].Error!.Message);
        Assert.Null(sink.Files[1].Source);
        Assert.Equal(["b.xml", "zzz"], sink.Summary!.Errors.Select(e => e.Path));
        Assert.Equal(2, sink.Summary.FileCount);
    }

    [Fact]
    public void A_clean_file_hands_no_bytes_to_the_sink()
    {
        var clean = LintInput.FromBytes("clean.xml", System.Text.Encoding.UTF8.GetBytes("<domain/>"));
        var sink = new RecordingSink();

        new Linter(TestCatalog.Catalog).Lint([clean], sink);

        var file = Assert.Single(sink.Files);
        Assert.Empty(file.Findings);
        Assert.Null(file.Source);
    }

    [Fact]
    public void A_sink_that_throws_stops_the_run_and_the_exception_reaches_the_caller()
    {
        var inputs = Enumerable.Range(0, 100).Select(i => Vm($"vm{i:D3}.xml", "vda")).ToList();
        var sink = new ThrowingSink(after: 3);

        var e = Assert.Throws<IOException>(() => new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 2, Window = 4 }).Lint(inputs, sink));

        Assert.Equal("disk full", e.Message);
        Assert.Equal(3, sink.Seen);
    }

    private sealed class ThrowingSink(int after) : ILintSink
    {
        public int Seen { get; private set; }

        public void OnFile(LintedFile file)
        {
            if (Seen == after) throw new IOException("disk full");
            Seen++;
        }

        public void OnEnd(LintSummary summary) => throw new InvalidOperationException("The run should have stopped.");
    }
}
