using BenchmarkDotNet.Attributes;
using VirtLint.Core;
using VirtLint.Core.Schema;
using VirtLint.Rules;

namespace VirtLint.Benchmarks;

/// <summary>
/// Every file of the shared corpus (about 760 libvirt documents), read into memory once, so the numbers measure parsing
/// and rules rather than the disk. bench/corpus-run.sh measures the whole process, disk and start-up included.
/// </summary>
[MemoryDiagnoser]
public class CorpusBenchmarks
{
    private RuleCatalog _catalog = null!;
    private LintInput[] _inputs = [];
    private Linter _singleThreaded = null!;
    private Linter _parallel = null!;
    private LintDocument[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BuiltInRules.Catalog;
        _inputs = BenchmarkPaths.CorpusInputs();
        _singleThreaded = new Linter(_catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        _parallel = new Linter(_catalog, new LintOptions { MaxDegreeOfParallelism = Environment.ProcessorCount });
        _documents = _inputs.Select(i => DocumentLoader.Load(i.DisplayPath, i.Content!, _catalog).Document).OfType<LintDocument>().ToArray();
    }

    /// <summary>Document loading alone (decode, parse, classify), one file after another.</summary>
    [Benchmark]
    public int LoadAll()
    {
        var documents = 0;
        foreach (var input in _inputs)
        {
            if (DocumentLoader.Load(input.DisplayPath, input.Content!, _catalog).Document is not null)
                documents++;
        }

        return documents;
    }

    [Benchmark(Baseline = true)]
    public LintReport LintSingleThreaded() => _singleThreaded.Lint(_inputs);

    [Benchmark]
    public LintReport LintParallel() => _parallel.Lint(_inputs);

    /// <summary>Every checker over the documents loaded in setup, one thread: the rules' cost without parsing.</summary>
    [Benchmark]
    public int CheckAll() => Check(_ => true);

    /// <summary>The schema checks (VL0010–VL0012) alone over the same documents: their share of <see cref="CheckAll"/>.</summary>
    [Benchmark]
    public int CheckSchemaOnly() => Check(checker => checker is SchemaChecker);

    private int Check(Func<RuleChecker, bool> include)
    {
        var findings = new ReportedFindings();
        foreach (var document in _documents)
        {
            foreach (var checker in _catalog.Checkers)
            {
                if (checker.Kind == document.Kind && include(checker))
                    checker.Check(new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, VirtLint.Core.Configuration.RuleParameters.Defaults, findings));
            }
        }

        return findings.Count;
    }
}
