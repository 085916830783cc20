using BenchmarkDotNet.Attributes;
using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleRuntime;
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
    private RuleChecker[] _compiled = [];
    private RuleChecker[] _interpreted = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = BuiltInRules.Catalog;
        _inputs = BenchmarkPaths.CorpusInputs();
        _documents = _inputs.Select(i => DocumentLoader.Load(i.DisplayPath, i.Content!, _catalog).Document).OfType<LintDocument>().ToArray();
        _compiled = _catalog.Checkers.ToArray();

        var rules = Path.Combine(BenchmarkPaths.Root, "rules");
        var files = Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToList();
        var loaded = UserRules.Load(files, builtIn: null, RuleOrigin.BuiltIn);
        if (!loaded.Ok) throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        _interpreted = loaded.Checkers.ToArray();
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
    /// The element-name sets the engine gathers once per document to skip checks (<see cref="LintDocument.HasElements"/>):
    /// kept by the documents across iterations of the back ends, so measured here on their own, for the total.
    /// </summary>
    [Benchmark]
    public int ElementNameSets()
    {
        var names = 0;
        foreach (var document in _documents)
        {
            var set = new HashSet<System.Xml.Linq.XName>();
            foreach (var element in document.Root.DescendantsAndSelf()) set.Add(element.Name);
            names += set.Count;
        }

        return names;
    }

    [Benchmark(Baseline = true)]
    public int Compiled() => Run(_compiled);

    [Benchmark]
    public int Interpreted() => Run(_interpreted);

    private int Run(RuleChecker[] checkers)
    {
        var findings = new ReportedFindings();
        foreach (var document in _documents)
        {
            foreach (var checker in checkers)
            {
                // As the engine runs them: a check whose context needs an element the document lacks is not run.
                if (checker.Kind != document.Kind || !document.HasElements(checker.RequiredElements)) continue;
                checker.Check(new CheckContext(document, checker.Descriptor, checker.Descriptor.DefaultSeverity, VirtLint.Core.Configuration.RuleParameters.Defaults, findings));
            }
        }

        return findings.Count;
    }
}
