using BenchmarkDotNet.Attributes;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>One typical domain file, already in memory: what an editor integration or a pre-commit hook pays per file.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private RuleCatalog _catalog = null!;
    private Linter _linter = null!;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BuiltInRules.Catalog;
        _linter = new Linter(_catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        _bytes = File.ReadAllBytes(Path.Combine(BenchmarkPaths.Root, BenchmarkPaths.TypicalDomain));
    }

    /// <summary>Decoding, secure XML parsing with line info and classification, without any rule.</summary>
    [Benchmark]
    public LoadResult LoadDocument() => DocumentLoader.Load(BenchmarkPaths.TypicalDomain, _bytes, _catalog);

    /// <summary>Parsing plus every built-in rule, through the public entry point the CLI uses.</summary>
    [Benchmark(Baseline = true)]
    public LintReport ParseAndLint() => _linter.Lint([LintInput.FromBytes(BenchmarkPaths.TypicalDomain, _bytes)]);
}
