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
    /// <summary>What the run has to say once rather than per file (a workspace rule skipped because a kind of document it needs is absent); never a finding, never failing a run.</summary>
    public IReadOnlyList<RunNote> Notes { get; init; } = [];
}

/// <summary>A run-level remark by a rule: reported once, at note level, outside every file's findings.</summary>
public sealed record RunNote(string RuleId, string Message);
