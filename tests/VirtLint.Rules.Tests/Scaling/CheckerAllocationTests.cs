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
        var checkers = BuiltInRules.Catalog.Checkers.Where(c => c.Kind == document.Kind).ToList();
        var allocated = new long[checkers.Count];
        var findings = new int[checkers.Count];
        // Twice, the document's checks one after another through one context as the engine runs them: the first run
        // compiles the checkers and builds per-process caches.
        for (var run = 0; run < 2; run++)
        {
            var reported = new ReportedFindings();
            var context = new CheckContext(document, checkers[0].Descriptor, checkers[0].Descriptor.DefaultSeverity, Core.Configuration.RuleParameters.Defaults, reported);
            for (var i = 0; i < checkers.Count; i++)
            {
                var rule = checkers[i].Descriptor;
                context.For(rule, rule.DefaultSeverity, Core.Configuration.RuleParameters.Defaults);
                var (before, found) = (GC.GetAllocatedBytesForCurrentThread(), reported.Count);
                checkers[i].Check(context);
                allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
                findings[i] = reported.Count - found;
            }
        }

        long total = 0;
        var silent = 0;
        var allocationFree = 0;
        for (var i = 0; i < checkers.Count; i++)
        {
            if (findings[i] > 0) continue;
            silent++;
            total += allocated[i];
            if (allocated[i] == 0) allocationFree++;
            else output.WriteLine($"{checkers[i].Descriptor.Id} {checkers[i].Descriptor.Name}: {allocated[i]} bytes");
        }

        output.WriteLine($"{silent} checkers found nothing, {allocationFree} of them allocated nothing; {total} bytes in all");
        Assert.True(silent > 100, $"only {silent} checkers ran without a finding on {path}");
        Assert.True(total <= BudgetBytes, $"checkers that found nothing allocated {total} bytes, over the budget of {BudgetBytes}");
        Assert.True(allocationFree * 4 >= silent * 3, $"only {allocationFree} of {silent} checkers that found nothing allocated nothing");
    }
}
