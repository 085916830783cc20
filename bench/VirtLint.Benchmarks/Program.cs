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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
