using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// A format written as files arrive from the linter, so it needs neither every file's text nor every finding at the
/// end. <see cref="ReportContext.Tally"/> and <see cref="ReportContext.Outcome"/> are set only by the time of
/// <see cref="End"/>; <see cref="ReportContext.Report"/> is not for them (it is collected only for the other formats).
/// </summary>
internal interface IStreamingFormatter
{
    void Begin(ReportContext context, TextWriter output);

    /// <summary>One file's outcome, in path order.</summary>
    void OnFile(LintedFile file);

    /// <summary>The end of the run: findings in no linted file, and the summary.</summary>
    void End(LintSummary summary);
}
