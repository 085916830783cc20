using System.Diagnostics;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>
/// Which rules cost most: every checker over the corpus documents (parsed once), compiled or interpreted, run as the
/// engine and the back-end benchmark run them (all checkers of a document one after another, skipping those whose
/// requirements the document lacks), each call timed and its allocation counted. With <c>engine</c>, each document is
/// parsed again just before its checks, and its findings get no identities, as in the engine-order benchmark. A rough profile to find
/// the rule to look at, not a benchmark: the clock adds a little to every call.
/// </summary>
/// <remarks>
/// Timed in place rather than each checker alone: alone, a checker pays what the others share (the child indexes of a
/// document's wide elements, built by the first loop over them) and misses what it pays in place (the first walk of a
/// document's tree, which the first checker to touch each node pays in cache misses: the schema walk, which touches
/// every node).
/// </remarks>
internal static class RuleCosts
{
    public const string Switch = "--rule-costs";

    private const int WarmUpPasses = 30;
    private const int MeasuredPasses = 40;

    public static void Run(bool interpreted, bool engineOrder, int top)
    {
        var catalog = BuiltInRules.Catalog;
        var (inputs, errors) = PathExpander.Expand([BenchmarkPaths.RequireCorpus()]);
        if (errors.Count > 0) throw new InvalidOperationException("Cannot read the corpus.");
        var contents = inputs.Select(i => (i.DisplayPath, Bytes: File.ReadAllBytes(i.FilePath!))).ToArray();
        LintDocument[] documents = engineOrder ? [] : contents.SelectMany(c => DocumentLoader.Load(c.DisplayPath, c.Bytes, catalog).Documents).ToArray();
        // Findings as every format but SARIF makes them, as the benchmarks do.
        foreach (var document in documents) document.ComputesIdentity = false;
        RuleChecker[] checkers;
        if (interpreted)
        {
            checkers = [.. InterpretedRules.Load()];
        }
        else
        {
            checkers = catalog.Checkers.ToArray();
        }

        var checks = new EngineChecks(checkers);
        var ticks = new long[checkers.Length];
        var bytes = new long[checkers.Length];
        var calls = new long[checkers.Length];
        for (var pass = 0; pass < WarmUpPasses + MeasuredPasses; pass++)
        {
            var measured = pass >= WarmUpPasses;
            var findings = new ReportedFindings();
            foreach (var document in engineOrder ? Reloaded(contents, catalog) : documents)
            {
                var documentPresent = checks.Present(document);
                if (checks.For(document.Kind) is not { } ofKind) continue;
                CheckContext? context = null;
                for (var k = 0; k < ofKind.Checkers.Length; k++)
                {
                    if (!ofKind.Masks.Covers(documentPresent, k)) continue;
                    var i = ofKind.Indexes[k];
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var start = Stopwatch.GetTimestamp();
                    EngineChecks.Check(checkers[i], document, findings, ref context);
                    if (!measured) continue;
                    ticks[i] += Stopwatch.GetTimestamp() - start;
                    bytes[i] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    calls[i]++;
                }

                if (engineOrder) findings = new ReportedFindings();
            }
        }

        var costs = Enumerable.Range(0, checkers.Length)
            .Select(i => (Id: checkers[i].Descriptor.Id, checkers[i].Kind, Milliseconds: ticks[i] * 1000.0 / Stopwatch.Frequency / MeasuredPasses, Bytes: bytes[i] / MeasuredPasses, Calls: calls[i] / MeasuredPasses))
            .ToList();
        Console.WriteLine($"{(interpreted ? "interpreted" : "compiled")}{(engineOrder ? ", engine order" : "")}: {costs.Count} checkers, {costs.Sum(c => c.Calls)} calls, {costs.Sum(c => c.Milliseconds):F1} ms, {costs.Sum(c => c.Bytes) / 1e6:F2} MB per pass over the corpus documents (mean of {MeasuredPasses} passes after {WarmUpPasses})");
        foreach (var (id, kind, milliseconds, allocated, count) in costs.OrderByDescending(c => c.Milliseconds).Take(top))
            Console.WriteLine($"{id,-8} {kind,-8} {milliseconds,7:F3} ms {allocated / 1e3,8:F0} KB {count,5} calls {milliseconds * 1e6 / Math.Max(1, count),7:F0} ns/call");
    }

    /// <summary>Each file's documents parsed again as the pass reaches them, as the engine checks a document just after its parse.</summary>
    private static IEnumerable<LintDocument> Reloaded((string DisplayPath, byte[] Bytes)[] contents, RuleCatalog catalog)
    {
        foreach (var (path, bytes) in contents)
        {
            foreach (var document in DocumentLoader.Load(path, bytes, catalog).Documents)
            {
                document.ComputesIdentity = false;
                yield return document;
            }
        }
    }
}
