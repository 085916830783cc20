using System.Diagnostics;

namespace VirtLint.Benchmarks;

/// <summary>
/// The back-end benchmark's pass (every checker over the corpus documents, parsed once) in a plain loop for a while,
/// for a profiler to watch (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) or for a quick comparison of two
/// builds: best, median and slowest pass, and what one pass allocates. Not a benchmark: quote BenchmarkDotNet.
/// </summary>
internal static class Passes
{
    public const string Switch = "--passes";

    public static void Run(bool interpreted, double seconds)
    {
        var benchmarks = new BackEndBenchmarks();
        benchmarks.Setup();
        Func<int> pass = interpreted ? benchmarks.Interpreted : benchmarks.Compiled;
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
        Console.WriteLine($"{(interpreted ? "interpreted" : "compiled")}: {times.Count} passes, best {times[0]:F2} ms, median {times[times.Count / 2]:F2} ms, slowest {times[^1]:F2} ms; {bytes / 1e6:F2} MB and {findings} findings per pass");
    }
}
