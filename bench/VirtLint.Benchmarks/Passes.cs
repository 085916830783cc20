using System.Diagnostics;

namespace VirtLint.Benchmarks;

/// <summary>
/// The back-end benchmark's pass (every checker over the corpus documents, parsed once), or the engine-order
/// benchmark's (each document parsed, then checked; or only parsed), in a plain loop for a while, for a profiler to watch (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) or for a quick comparison of two
/// builds: best, median and slowest pass, and what one pass allocates. Not a benchmark: quote BenchmarkDotNet.
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

        var times = new List<double>();
        long bytes = 0;
        var findings = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds || times.Count < 3)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            findings = pass();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        }

        times.Sort();
        Console.WriteLine($"{mode}: {times.Count} passes, best {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms, slowest {times[^1]:F2} ms; {bytes / 1e6:F2} MB and {findings} findings (or documents) per pass");
    }
}
