using VirtLint.Core;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Scaling;

/// <summary>
/// Generated checkers walk a document with allocation-free loops: on a typical domain, the checkers that find nothing
/// allocate almost nothing (an index built for a duplicate rule, a list for a let or a union), so checking a corpus
/// allocates less than parsing it. Allocations on the checking thread are deterministic, so the budget is exact.
/// </summary>
public sealed class CheckerAllocationTests(ITestOutputHelper output)
{
    /// <summary>About twice what the built-in rules allocate today on the typical domain (about 20 KiB, half of it the duplicate rules' indexes).</summary>
    private const long BudgetBytes = 40 * 1024;

    [Fact]
    public void Checkers_that_find_nothing_in_a_typical_domain_allocate_almost_nothing()
    {
        var path = Path.Combine(RepositoryPaths.Root, "examples", "domains", "db01.xml");
        var document = DocumentLoader.Load(path, File.ReadAllBytes(path), BuiltInRules.Catalog).Document!;
        long total = 0;
        var silent = 0;
        var allocationFree = 0;
        foreach (var checker in BuiltInRules.Catalog.Checkers.Where(c => c.Kind == document.Kind))
        {
            long allocated = 0;
            var findings = 0;
            for (var run = 0; run < 2; run++) // the first run compiles the checker and builds per-process caches
            {
                var reported = new ReportedFindings();
                var context = new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, Core.Configuration.RuleParameters.Defaults, reported);
                var before = GC.GetAllocatedBytesForCurrentThread();
                checker.Check(context);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                findings = reported.Count;
            }

            if (findings > 0) continue;
            silent++;
            total += allocated;
            if (allocated == 0) allocationFree++;
            else output.WriteLine($"{checker.Descriptor.Id} {checker.Descriptor.Name}: {allocated} bytes");
        }

        output.WriteLine($"{silent} checkers found nothing, {allocationFree} of them allocated nothing; {total} bytes in all");
        Assert.True(silent > 100, $"only {silent} checkers ran without a finding on {path}");
        Assert.True(total <= BudgetBytes, $"checkers that found nothing allocated {total} bytes, over the budget of {BudgetBytes}");
        Assert.True(allocationFree * 4 >= silent * 3, $"only {allocationFree} of {silent} checkers that found nothing allocated nothing");
    }
}
