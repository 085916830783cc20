using BenchmarkDotNet.Attributes;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>
/// The two back ends of the rule language over the whole corpus, documents parsed once in setup: every built-in rule as
/// the generator compiled it, and the same rule files loaded at run time and interpreted. <c>Parse</c> loads the same
/// documents, for scale.
/// </summary>
[MemoryDiagnoser]
public class BackEndBenchmarks
{
    private RuleCatalog _catalog = null!;
    private LintInput[] _inputs = [];
    private LintDocument[] _documents = [];
    private EngineChecks _compiled = null!;
    private EngineChecks _interpreted = null!;
    private ulong[][] _compiledPresent = [];
    private ulong[][] _interpretedPresent = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BuiltInRules.Catalog;
        _inputs = BenchmarkPaths.CorpusInputs();
        _documents = _inputs.Select(i => DocumentLoader.Load(i.DisplayPath, i.Content!, _catalog).Document).OfType<LintDocument>().ToArray();

        // Findings as every format but SARIF makes them (no logical location or canonical value), as in EngineOrderBenchmarks.
        foreach (var document in _documents) document.ComputesIdentity = false;

        var loaded = InterpretedRules.Load();
        _interpreted = new EngineChecks(loaded);
        _interpretedPresent = _documents.Select(_interpreted.Present).ToArray();

        // The same rules on both sides: the catalog's checkers that are not rule files (the schema checks) are left out.
        var fromFiles = loaded.Select(c => c.Descriptor.Id).ToHashSet();
        _compiled = new EngineChecks(_catalog.Checkers.Where(c => fromFiles.Contains(c.Descriptor.Id)));
        _compiledPresent = _documents.Select(_compiled.Present).ToArray();
    }

    /// <summary>Document loading alone (decode, parse with line info, classify) for every corpus file.</summary>
    [Benchmark]
    public int Parse()
    {
        var documents = 0;
        foreach (var input in _inputs)
            if (DocumentLoader.Load(input.DisplayPath, input.Content!, _catalog).Document is not null) documents++;
        return documents;
    }

    /// <summary>
    /// The walk the engine makes once per document to skip checks (<see cref="RequiredNodeSets"/>): gathered in
    /// setup for the back ends, so measured here on their own, for the total.
    /// </summary>
    [Benchmark]
    public int ElementNameSets()
    {
        var words = 0;
        foreach (var document in _documents) words += _compiled.Present(document).Length;
        return words;
    }

    [Benchmark(Baseline = true)]
    public int Compiled() => Run(_compiled, _compiledPresent);

    [Benchmark]
    public int Interpreted() => Run(_interpreted, _interpretedPresent);

    private int Run(EngineChecks checks, ulong[][] present)
    {
        var findings = new ReportedFindings();
        for (var i = 0; i < _documents.Length; i++) checks.CheckAll(_documents[i], present[i], findings);
        return findings.Count;
    }
}
