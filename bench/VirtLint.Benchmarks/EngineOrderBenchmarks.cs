using BenchmarkDotNet.Attributes;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>
/// The compiled checkers as the engine runs them, against parsing alone: each corpus document is checked straight
/// after it is parsed (its tree still in the processor's caches, where <see cref="BackEndBenchmarks"/> walks 758
/// documents parsed long before), checks skipped when the document lacks an element their context needs, and findings
/// without logical location and canonical value, as for every format but SARIF. What the checks cost is
/// <see cref="ParseAndCheck"/> less <see cref="Parse"/>. <see cref="ParseAndInterpret"/> runs the rule files through the
/// run-time evaluator instead, as the engine runs a team's own rules (<c>--rules</c>).
/// </summary>
[MemoryDiagnoser]
// The same passes per iteration for the three: BenchmarkDotNet collects the heap fully between iterations, and its
// pilot stage, left to choose, gave the checks 3 or 4 passes to an iteration against the parse's 64, so each of their
// passes paid more of the restart after a full collection.
[InvocationCount(32)]
public class EngineOrderBenchmarks
{
    private RuleCatalog _catalog = null!;
    private LintInput[] _inputs = [];
    private EngineChecks _checks = null!;
    private EngineChecks _interpreted = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BuiltInRules.Catalog;
        _inputs = BenchmarkPaths.CorpusInputs();
        _checks = new EngineChecks(_catalog.Checkers.Where(c => c.Kind != DocumentKind.Workspace));
        // The checkers that are no rule file (the schema checks) run compiled on both sides.
        var files = InterpretedRules.Load().Where(c => c.Kind != DocumentKind.Workspace).ToArray();
        var fromFiles = files.Select(c => c.Descriptor.Id).ToHashSet();
        _interpreted = new EngineChecks([.. files, .. _checks.Checkers.Where(c => !fromFiles.Contains(c.Descriptor.Id))]);
    }

    /// <summary>Document loading alone (decode, parse with line info, classify) for every corpus file.</summary>
    [Benchmark(Baseline = true)]
    public int Parse()
    {
        var documents = 0;
        foreach (var input in _inputs)
            documents += DocumentLoader.Load(input.DisplayPath, input.Content!, _catalog).Documents.Count;
        return documents;
    }

    /// <summary>The same loading, each document then checked by every compiled per-document checker.</summary>
    [Benchmark]
    public int ParseAndCheck() => ParseAndRun(_checks);

    /// <summary>The same loading, each document then checked by the rule files through the evaluator.</summary>
    [Benchmark]
    public int ParseAndInterpret() => ParseAndRun(_interpreted);

    /// <summary>A pass of the required-node marking (with the schema walk) alone over the documents, parsed here once.</summary>
    internal Func<int> PresentOnly()
    {
        var documents = _inputs.SelectMany(i => DocumentLoader.Load(i.DisplayPath, i.Content!, _catalog).Documents).ToArray();
        return () =>
        {
            foreach (var document in documents) _checks.Present(document);
            return documents.Length;
        };
    }

    private int ParseAndRun(EngineChecks checks)
    {
        var count = 0;
        foreach (var input in _inputs)
        {
            foreach (var document in DocumentLoader.Load(input.DisplayPath, input.Content!, _catalog).Documents)
            {
                // One list per document, as the engine keeps: findings hold their nodes, and one list for the pass would
                // keep every tree alive to its end.
                var findings = new ReportedFindings();
                document.ComputesIdentity = false;
                checks.CheckAll(document, checks.Present(document), findings);
                count += findings.Count;
            }
        }

        return count;
    }
}
