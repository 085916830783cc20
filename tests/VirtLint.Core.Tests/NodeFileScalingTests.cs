using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace VirtLint.Core.Tests;

/// <summary>
/// Splitting and linting a node file costs the same per byte however many documents it holds: detaching inner
/// elements one at a time from LINQ to XML walks their preceding siblings each time, which would make it quadratic.
/// </summary>
[Collection(nameof(NodeFileScalingTests))]
[CollectionDefinition(nameof(NodeFileScalingTests), DisableParallelization = true)]
public sealed class NodeFileScalingTests(ITestOutputHelper output)
{
    private static string Domains(int count) =>
        "<node>\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"  <!-- guest {i} -->\n  <domain type='kvm'><name>vm{i}</name><devices><disk><target dev='vda'/></disk></devices></domain>\n")) + "</node>\n";

    private static string Volumes(int count) =>
        "<node>\n  <pool type='dir'>\n    <name>p</name>\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"    <!-- image {i} -->\n    <volume><name>v{i}.img</name></volume>\n")) + "  </pool>\n</node>\n";

    [Theory]
    [InlineData("domains")]
    [InlineData("volumes")]
    public void Cost_per_byte_does_not_grow_with_the_number_of_inner_documents(string shape)
    {
        Func<int, string> build = shape == "domains" ? Domains : Volumes;
        Assert.Equal(1_000 + (shape == "volumes" ? 1 : 0), Load(build(1_000)).Documents.Count);

        // The same bytes both times: twenty files of 1,000 documents, one of 20,000.
        var small = MinimumMilliseconds(build(1_000), 20);
        var large = MinimumMilliseconds(build(20_000), 1);
        output.WriteLine($"{shape}: 20 x 1,000: {small:F1} ms; 1 x 20,000: {large:F1} ms");

        // Linear keeps the ratio near 1; detaching one element at a time made it about 20.
        Assert.True(large < 5 * Math.Max(small, 5.0), $"{shape}: 20,000 documents took {large:F1} ms vs 20 x 1,000: {small:F1} ms");
    }

    private static LoadResult Load(string text) => DocumentLoader.Load("node.xml", Encoding.UTF8.GetBytes(text), TestCatalog.Catalog);

    // Load and lint (one thread), the fastest of three runs after a warm-up: scheduling noise only ever adds time.
    private static double MinimumMilliseconds(string text, int copies)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var linter = new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        var inputs = new[] { LintInput.FromBytes("node.xml", bytes) };
        linter.Lint(inputs);
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < copies; i++) linter.Lint(inputs);
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
