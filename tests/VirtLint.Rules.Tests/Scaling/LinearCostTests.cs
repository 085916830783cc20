using System.Text;
using VirtLint.Core;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Scaling;

/// <summary>Timing-sensitive tests run alone, so other tests do not disturb their measurements.</summary>
[CollectionDefinition(nameof(LinearCostCollection), DisableParallelization = true)]
public sealed class LinearCostCollection;

/// <summary>
/// Each duplicate and overlap rule checks a document with 1,000 and with 20,000 repeated elements. Twenty times the
/// elements must cost about twenty times as much, never the four hundred times of a pairwise scan: both the
/// allocations on the checking thread (deterministic) and the best of several measurements of the thread's CPU time
/// are compared as ratios.
/// </summary>
[Collection(nameof(LinearCostCollection))]
public sealed class LinearCostTests(ITestOutputHelper output)
{
    private const int Small = 1_000;
    private const int Large = 20_000;
    private const int Runs = 5;

    /// <summary>
    /// Linear is 20 and a pairwise scan 400. Allocations hardly vary between runs; the margin covers hash-table growth.
    /// Time also pays for a large document no longer fitting in the caches (up to twice the cost per element) and for
    /// noise from other work on the machine.
    /// </summary>
    private const double MaxAllocationRatio = 40;

    private const double MaxTimeRatio = 80;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in RepeatedElementCase.All) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cost_grows_linearly_with_repeated_elements(string name)
    {
        var scenario = RepeatedElementCase.All.Single(c => c.Name == name);
        var checker = BuiltInRules.Catalog.Checkers.Single(c => c.Descriptor.Id == scenario.RuleId);

        Measure(checker, scenario, 20); // compiles the checker's code paths before anything is timed
        var small = Measure(checker, scenario, Small);
        var large = Measure(checker, scenario, Large);

        var timeRatio = large.Elapsed.TotalMilliseconds / Math.Max(small.Elapsed.TotalMilliseconds, 0.05);
        var allocationRatio = (double)large.Allocated / Math.Max(small.Allocated, 1);
        output.WriteLine($"{scenario.RuleId} {name}: {Small:N0} elements {small.Elapsed.TotalMilliseconds:F1} ms, {small.Allocated / 1024.0:N0} KiB; "
            + $"{Large:N0} elements {large.Elapsed.TotalMilliseconds:F1} ms, {large.Allocated / 1024.0:N0} KiB; "
            + $"time x{timeRatio:F1}, allocations x{allocationRatio:F1}");

        Assert.True(allocationRatio < MaxAllocationRatio, $"{name}: allocations grew x{allocationRatio:F1} for x{Large / Small} elements");
        Assert.True(timeRatio < MaxTimeRatio, $"{name}: time grew x{timeRatio:F1} for x{Large / Small} elements");
    }

    private static (TimeSpan Elapsed, long Allocated) Measure(RuleChecker checker, RepeatedElementCase scenario, int n)
    {
        var loaded = DocumentLoader.Load($"scale-{n}.xml", Encoding.UTF8.GetBytes(scenario.Build(n)), BuiltInRules.Catalog);
        Assert.True(loaded.Document is not null, loaded.Problem?.Message);
        var best = TimeSpan.MaxValue;
        var allocated = long.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var findings = new ReportedFindings();
            var context = new CheckContext(loaded.Document!, checker.Descriptor, checker.Descriptor.DefaultSeverity, VirtLint.Core.Configuration.RuleParameters.Defaults, findings);
            // The freshly loaded tree would otherwise be promoted by the first collections inside the timed check.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpuClock.Now();
            checker.Check(context);
            var elapsed = ThreadCpuClock.Now() - start;
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            if (elapsed < best) best = elapsed;
            var expected = scenario.ExpectedFindings(n);
            Assert.True(findings.Count == expected,
                $"{scenario.Name} with {n} elements: expected {expected} finding(s) of {scenario.RuleId}, got {findings.Count}: "
                + string.Join("; ", findings.Items.Take(3).Select(i => i.Finding).Select(f => $"line {f.Span.StartLine}: {f.Message}")));
        }

        return (best, allocated);
    }
}
