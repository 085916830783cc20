namespace VirtLint.Core;

/// <summary>Per-run choices that change what is checked.</summary>
public sealed record LintOptions
{
    /// <summary>Parameter overrides by rule id, then parameter name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>The result of a run: findings in report order, the files looked at, and the paths that could not be read.</summary>
public sealed record LintReport(IReadOnlyList<Finding> Findings, int FileCount, IReadOnlyList<InputError> Errors, IReadOnlyDictionary<string, string> Sources)
{
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>Runs every checker for a document's kind over each input, in parallel, with deterministic output.</summary>
public sealed class Linter
{
    private readonly RuleCatalog _catalog;
    private readonly LintOptions _options;
    private readonly Dictionary<DocumentKind, RuleChecker[]> _checkersByKind;

    public Linter(RuleCatalog catalog, LintOptions? options = null)
    {
        _catalog = catalog;
        _options = options ?? new LintOptions();
        _checkersByKind = Enum.GetValues<DocumentKind>().ToDictionary(
            kind => kind,
            kind => catalog.Checkers.Where(c => c.Kind == kind).ToArray());
    }

    public LintReport Lint(IReadOnlyList<LintInput> inputs, IReadOnlyList<InputError>? priorErrors = null)
    {
        var perFile = new FileOutcome[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) },
            i => perFile[i] = LintOne(inputs[i]));

        var findings = new List<Finding>();
        var errors = new List<InputError>(priorErrors ?? []);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = 0;
        foreach (var outcome in perFile)
        {
            if (outcome.Error is not null)
            {
                errors.Add(outcome.Error);
                continue;
            }

            files++;
            findings.AddRange(outcome.Findings);
            sources[outcome.Path] = outcome.Text;
        }

        findings.Sort(Finding.Compare);
        errors.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new LintReport(findings, files, errors, sources);
    }

    /// <summary>Lints one already-parsed document; used by tests and by callers that hold the text in memory.</summary>
    public IReadOnlyList<Finding> Lint(string displayPath, string text) =>
        Lint([LintInput.FromBytes(displayPath, System.Text.Encoding.UTF8.GetBytes(text))]).Findings;

    private FileOutcome LintOne(LintInput input)
    {
        byte[] bytes;
        try
        {
            bytes = input.Content ?? File.ReadAllBytes(input.FilePath!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(input.DisplayPath, "", [], new InputError(input.DisplayPath, e.Message));
        }

        var loaded = DocumentLoader.Load(input.DisplayPath, bytes, _catalog);
        if (loaded.Document is null)
            return new FileOutcome(input.DisplayPath, loaded.Text, loaded.Problem is null ? [] : [loaded.Problem], null);

        var findings = new List<Finding>();
        foreach (var checker in _checkersByKind[loaded.Document.Kind])
        {
            var rule = checker.Descriptor;
            _options.Parameters.TryGetValue(rule.Id, out var parameters);
            checker.Check(new CheckContext(loaded.Document, rule, rule.DefaultSeverity, parameters, findings));
        }

        return new FileOutcome(input.DisplayPath, loaded.Text, findings, null);
    }

    private sealed record FileOutcome(string Path, string Text, List<Finding> Findings, InputError? Error);
}
