using System.Diagnostics;

namespace VirtLint.Benchmarks;

/// <summary>
/// The back-end benchmark's pass (every checker over the corpus documents, parsed once), or the engine-order
/// benchmark's (each document parsed, then checked; or only parsed), in a plain loop for a while, for a profiler to watch (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) or for a quick comparison of two
/// builds: best, median and slowest pass after a warm-up, what one pass allocates, and the collections it pays for. Not a
/// benchmark: quote BenchmarkDotNet.
/// </summary>
internal static class Passes
{
    public const string Switch = "--passes";

    /// <summary>The modes <see cref="Run"/> knows; the first is the default.</summary>
    public static readonly string[] Modes = ["compiled", "interpreted", "engine", "engine-interpreted", "parse", "present"];

    /// <summary>
    /// Passes of <paramref name="mode"/>: <c>compiled</c>, <c>interpreted</c>, <c>engine</c> (parse and check),
    /// <c>engine-interpreted</c> (parse and check through the evaluator), <c>parse</c> or <c>present</c> (the schema
    /// walk that marks the required nodes).
    /// </summary>
    public static void Run(string mode, double seconds)
    {
        Func<int> pass;
        if (mode == "present")
        {
            // The schema walk that marks the required nodes, alone, over the documents parsed once.
            var engineOrder = new EngineOrderBenchmarks();
            engineOrder.Setup();
            pass = engineOrder.PresentOnly();
        }
        else if (mode is "engine" or "engine-interpreted" or "parse")
        {
            var engineOrder = new EngineOrderBenchmarks();
            engineOrder.Setup();
            pass = mode switch
            {
                "engine" => engineOrder.ParseAndCheck,
                "engine-interpreted" => engineOrder.ParseAndInterpret,
                _ => engineOrder.Parse,
            };
        }
        else
        {
            var benchmarks = new BackEndBenchmarks();
            benchmarks.Setup();
            pass = mode == "interpreted" ? benchmarks.Interpreted : benchmarks.Compiled;
        }

        // Warm-up first: the first passes run the JIT's unoptimised code and collect the set-up's garbage.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < Math.Min(2, seconds / 4)) pass();

        var times = new List<double>();
        var pauses = new List<double>();
        long bytes = 0;
        var findings = 0;
        var collections = GC.CollectionCount(0);
        var (gen1, gen2) = (GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || times.Count < 3)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var pausedBefore = GC.GetTotalPauseDuration();
            var start = Stopwatch.GetTimestamp();
            findings = pass();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            pauses.Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        var gcPerPass = (GC.CollectionCount(0) - collections) / (double)times.Count;
        var pausePerPass = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / times.Count;
        times.Sort();
        pauses.Sort();
        Console.WriteLine($"{mode}: {times.Count} passes, best {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms, slowest {times[^1]:F2} ms; {bytes / 1e6:F2} MB and {findings} findings (or documents) per pass");
        // What the collections cost is part of each pass's time: the checks' share of it shows here, not in a profile of their code.
        Console.WriteLine($"  collections per pass: {gcPerPass:F1} ({(GC.CollectionCount(1) - gen1) / (double)times.Count:F2} of gen 1, {(GC.CollectionCount(2) - gen2) / (double)times.Count:F2} of gen 2), paused {pausePerPass:F2} ms (median {pauses[pauses.Count / 2]:F2} ms)");
    }
}
