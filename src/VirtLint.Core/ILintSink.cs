namespace VirtLint.Core;

/// <summary>
/// Receives a run as it happens: each file's outcome in path order, then the end of the run. A sink that writes as
/// files arrive keeps memory bounded by the linter's reordering window, not by the size of the run.
/// </summary>
public interface ILintSink
{
    /// <summary>One input's outcome, called on one thread at a time, in ordinal display-path order.</summary>
    void OnFile(LintedFile file);

    /// <summary>Called once, after the last <see cref="OnFile"/>.</summary>
    void OnEnd(LintSummary summary);
}

/// <summary>
/// One input's outcome: the findings to report and those hidden (each sorted in report order), or the error that
/// kept it from being read. <see cref="Source"/> is null for an unread file.
/// </summary>
public sealed record LintedFile(string Path, SourceFile? Source, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Hidden, InputError? Error);

/// <summary>
/// What only the end of a run knows: findings in no linted file (a config ignore's problem, located in the config
/// file) or that needed every file first (a baseline entry for a path linted more than once), each in report order,
/// and every input error (the collector's and the files'), sorted by path then message.
/// </summary>
public sealed record LintSummary(IReadOnlyList<Finding> Findings, IReadOnlyList<InputError> Errors, int FileCount)
{
    /// <summary>Late findings a suppression or the baseline hides (cross-document findings), in report order.</summary>
    public IReadOnlyList<Finding> Hidden { get; init; } = [];

    /// <summary>
    /// The file of a late finding, read again on demand for formats that show or hash its lines (cross-document
    /// findings); null when it is not a linted file or can no longer be read. Nothing is kept between calls, so a run
    /// with a late finding in every file holds one file at a time.
    /// </summary>
    public Func<string, SourceFile?> SourceOf { get; init; } = _ => null;

    /// <summary>What the run says once, not as a finding: a cross-document rule skipped because a kind of document it needs was not given.</summary>
    public IReadOnlyList<RunNote> Notes { get; init; } = [];
}

/// <summary>A run-level note about a rule; it never changes the exit code.</summary>
public sealed record RunNote(string RuleId, string Message);
