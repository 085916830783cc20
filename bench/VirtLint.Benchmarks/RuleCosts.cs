using System.Diagnostics;
using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleRuntime;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>
/// Which rules cost most: each checker alone over the corpus documents (parsed once), compiled or interpreted, its
/// best time of several passes and what one pass allocates. A rough profile to find the rule to look at, not a
/// benchmark: the numbers include the per-check context the benchmarks also create.
/// </summary>
internal static class RuleCosts
{
    public const string Switch = "--rule-costs";

    public static void Run(bool interpreted, int top)
    {
        var catalog = BuiltInRules.Catalog;
        var (inputs, errors) = PathExpander.Expand([BenchmarkPaths.RequireCorpus()]);
        if (errors.Count > 0) throw new InvalidOperationException("Cannot read the corpus.");
        var documents = inputs.Select(i => DocumentLoader.Load(i.DisplayPath, File.ReadAllBytes(i.FilePath!), catalog).Document).OfType<LintDocument>().ToArray();
        RuleChecker[] checkers;
        if (interpreted)
        {
            var files = Directory.EnumerateFiles(Path.Combine(BenchmarkPaths.Root, "rules"), "*.yaml", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToList();
            checkers = UserRules.Load(files, builtIn: null, RuleOrigin.BuiltIn).Checkers.ToArray();
        }
        else
        {
            checkers = catalog.Checkers.ToArray();
        }

        var costs = new List<(string Id, double Milliseconds, long Bytes)>();
        foreach (var checker in checkers)
        {
            var best = double.MaxValue;
            long bytes = 0;
            for (var pass = 0; pass < 6; pass++)
            {
                var findings = new ReportedFindings();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                foreach (var document in documents)
                {
                    if (checker.Kind != document.Kind) continue;
                    checker.Check(new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, Core.Configuration.RuleParameters.Defaults, findings));
                }

                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            costs.Add((checker.Descriptor.Id, best, bytes));
        }

        Console.WriteLine($"{(interpreted ? "interpreted" : "compiled")}: {costs.Count} checkers, {costs.Sum(c => c.Milliseconds):F1} ms, {costs.Sum(c => c.Bytes) / 1e6:F1} MB over {documents.Length} documents");
        foreach (var (id, milliseconds, bytes) in costs.OrderByDescending(c => c.Milliseconds).Take(top))
            Console.WriteLine($"{id,-8} {milliseconds,8:F2} ms {bytes / 1e3,9:F0} KB");
    }
}
