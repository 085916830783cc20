using VirtLint.Core.Files;

namespace VirtLint.Core;

/// <summary>Per-run choices that change what is checked.</summary>
public sealed record LintOptions
{
    /// <summary>Parameter overrides by rule id, then parameter name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The default <see cref="MaxFileSize"/>: 16 MiB, well above any real definition (virsh itself reads at most 10 MiB).</summary>
    public const long DefaultMaxFileSize = 16L * 1024 * 1024;

    /// <summary>Files (and standard input) larger than this are reported, not read: a VL0001 error at line 1, column 1.</summary>
    public long MaxFileSize { get; init; } = DefaultMaxFileSize;
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
        errors.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path) is var c and not 0 ? c : string.CompareOrdinal(a.Message, b.Message));
        return new LintReport(findings, files, errors, sources);
    }

    /// <summary>Lints one already-parsed document; used by tests and by callers that hold the text in memory.</summary>
    public IReadOnlyList<Finding> Lint(string displayPath, string text) =>
        Lint([LintInput.FromBytes(displayPath, System.Text.Encoding.UTF8.GetBytes(text))]).Findings;

    private FileOutcome LintOne(LintInput input)
    {
        byte[] bytes;
        if (input.Content is { } content)
        {
            if (content.Length > _options.MaxFileSize)
                return TooLarge(input, $"The input holds more than the {ByteSize.Format(_options.MaxFileSize)} size limit (--max-file-size); it was not linted.");
            bytes = content;
        }
        else
        {
            var read = FileReader.Read(input.FilePath!, _options.MaxFileSize);
            if (read.Error is { } error) return new FileOutcome(input.DisplayPath, "", [], new InputError(input.DisplayPath, error));
            if (read.OversizeLength is { } size)
                return TooLarge(input, $"The file is {ByteSize.Format(size)}, more than the {ByteSize.Format(_options.MaxFileSize)} size limit (--max-file-size); it was not read.");
            bytes = read.Bytes!;
        }

        var loaded = DocumentLoader.Load(input.DisplayPath, bytes, _catalog);
        if (loaded.Document is null)
            return new FileOutcome(input.DisplayPath, loaded.Text, loaded.Problem is null ? [] : [loaded.Problem], null);

        var findings = new List<Finding>();
        foreach (var checker in _checkersByKind[loaded.Document.Kind])
            RunIsolated(checker, loaded.Document, findings);

        return new FileOutcome(input.DisplayPath, loaded.Text, findings, null);
    }

    /// <summary>
    /// Runs one checker on one document. A checker that throws (a bug, or a static initialiser that failed) becomes an
    /// internal-error finding for that rule and document; the findings it made before failing are kept, and every other
    /// rule and document is still checked.
    /// </summary>
    private void RunIsolated(RuleChecker checker, LintDocument document, List<Finding> findings)
    {
        RuleDescriptor? rule = null;
        try
        {
            rule = checker.Descriptor;
            _options.Parameters.TryGetValue(rule.Id, out var parameters);
            checker.Check(new CheckContext(document, rule, rule.DefaultSeverity, parameters, findings));
        }
        catch (Exception e)
        {
            var name = rule is null ? checker.GetType().Name : $"{rule.Id} ({rule.Name})";
            var message = $"Rule {name} failed on this document and was skipped: {Describe(e)}";
            var internalError = _catalog.RuleInternalError;
            findings.Add(new Finding(internalError, internalError.DefaultSeverity, message, document.Path, document.SpanOf(document.Root)));
        }
    }

    // The exception that explains the failure, on one line: a type initialiser's or a wrapper's inner exception.
    private static string Describe(Exception e)
    {
        while (e is TypeInitializationException or System.Reflection.TargetInvocationException or AggregateException && e.InnerException is not null)
            e = e.InnerException!;
        var message = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return $"{e.GetType().Name}: {message}.";
    }

    private FileOutcome TooLarge(LintInput input, string message)
    {
        var rule = _catalog.NotWellFormed;
        return new FileOutcome(input.DisplayPath, "", [new Finding(rule, rule.DefaultSeverity, message, input.DisplayPath, SourceSpan.At(1, 1))], null);
    }

    private sealed record FileOutcome(string Path, string Text, List<Finding> Findings, InputError? Error);
}
