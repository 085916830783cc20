using BenchmarkDotNet.Running;

namespace VirtLint.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (BenchmarkPaths.Corpus is null)
        {
            Console.Error.WriteLine(
                $"warning: no corpus found ({BenchmarkPaths.CorpusVariable} unset and no ../shared/corpus beside {BenchmarkPaths.Root}); the corpus benchmarks will fail.");
        }

        // A rough per-rule profile instead of the benchmarks: --rule-costs [interpreted] [engine] [TOP].
        if (args.Length > 0 && args[0] == RuleCosts.Switch)
        {
            RuleCosts.Run(args.Contains("interpreted"), args.Contains("engine"), args.Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 20));
            return;
        }

        // A benchmark's pass in a plain loop, for a profiler: --passes [MODE] [SECONDS], a mode of Passes.Modes.
        if (args.Length > 0 && args[0] == Passes.Switch)
        {
            var mode = args.Skip(1).FirstOrDefault(Passes.Modes.Contains) ?? Passes.Modes[0];
            Passes.Run(mode, args.Skip(1).Select(a => double.TryParse(a, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 0).FirstOrDefault(s => s > 0, 10));
            return;
        }

        // The benchmarks compiled as the shipped tool is (NativeAOT, no tiered JIT): --native-aot before the usual arguments.
        if (args.Length > 0 && args[0] == NativeAot.Switch)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..], NativeAot.Config());
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
