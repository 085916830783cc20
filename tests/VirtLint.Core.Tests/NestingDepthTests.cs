using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace VirtLint.Core.Tests;

/// <summary>
/// Nesting depth is limited as libxml2 limits it, and loading costs the same per byte whatever the nesting: LINQ to
/// XML walks to the root for every node it adds, which made deep documents quadratic.
/// </summary>
public sealed class NestingDepthTests(ITestOutputHelper output)
{
    private static string Nested(int depth) =>
        "<domain>" + string.Concat(Enumerable.Repeat("<a>", depth - 1)) + string.Concat(Enumerable.Repeat("</a>", depth - 1)) + "</domain>";

    private static LoadResult Load(string text) => DocumentLoader.Load("vm.xml", Encoding.UTF8.GetBytes(text), TestCatalog.Catalog);

    [Fact]
    public void Libxml2s_deepest_document_loads_and_one_level_more_is_a_located_error()
    {
        // xmllint (libxml2 2.9.14, as libvirt uses it) accepts 257 nested elements and refuses 258: "Excessive depth in document: 256".
        Assert.NotNull(Load(Nested(257)).Document);

        var problem = Load(Nested(258)).Problem!;
        Assert.Equal("VL0001", problem.RuleId);
        Assert.Equal((1, 8 + 256 * 3 + 1), (problem.Span.StartLine, problem.Span.StartColumn));
        Assert.Equal("The element is nested 258 levels deep; libvirt's XML parser (libxml2) refuses documents nested deeper than 257 levels.", problem.Message);
    }

    [Fact]
    public void Loading_cost_per_byte_does_not_grow_with_nesting_depth()
    {
        // The same number of bytes each time: 100 documents nested 1,000 deep, 5 nested 20,000 deep, one nested 100,000 deep.
        var cases = new (int Depth, int Copies)[] { (1_000, 100), (20_000, 5), (100_000, 1) };
        var timings = cases.Select(c => (c.Depth, Milliseconds: MinimumMilliseconds(Nested(c.Depth), c.Copies))).ToList();
        foreach (var (depth, milliseconds) in timings)
            output.WriteLine($"depth {depth,7:N0}: {milliseconds,8:F2} ms per 100,000 levels of input");

        // Linear loading keeps the ratio near 1; the quadratic loader made it about 100 (depth 100,000 took 12 s).
        var baseline = Math.Max(timings[0].Milliseconds, 1.0);
        Assert.All(timings, t => Assert.True(t.Milliseconds < 10 * baseline, $"depth {t.Depth}: {t.Milliseconds:F1} ms vs {baseline:F1} ms at depth 1,000"));
    }

    [Fact]
    public void Loading_cost_grows_linearly_with_deep_subtrees_under_the_limit()
    {
        // Subtrees 250 levels deep, repeated: every node is within the limit, so the whole tree is built.
        static string Subtrees(int count) =>
            "<domain>" + string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("<a>", 250)) + string.Concat(Enumerable.Repeat("</a>", 250)), count)) + "</domain>";
        Assert.NotNull(Load(Subtrees(2)).Document);

        var small = MinimumMilliseconds(Subtrees(4), 20);
        var large = MinimumMilliseconds(Subtrees(80), 1);
        output.WriteLine($"20 x 1,000 nested elements: {small:F2} ms; 1 x 20,000: {large:F2} ms");
        Assert.True(large < 10 * Math.Max(small, 1.0), $"20,000 elements: {large:F1} ms vs 20 x 1,000: {small:F1} ms");
    }

    // The fastest of three runs after a warm-up: scheduling noise only ever adds time.
    private static double MinimumMilliseconds(string text, int copies)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        DocumentLoader.Load("warm-up.xml", bytes, TestCatalog.Catalog);
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < copies; i++) DocumentLoader.Load("vm.xml", bytes, TestCatalog.Catalog);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
