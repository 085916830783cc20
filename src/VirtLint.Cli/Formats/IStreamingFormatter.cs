using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// A format fed as files arrive from the linter, so no format needs every file's text or every finding in memory at
/// the end (those that can only write at the end keep findings on disk, see <see cref="Output.FindingSpill"/>).
/// <see cref="ReportContext.Tally"/> and <see cref="ReportContext.Outcome"/> are set only by the time of <see cref="End"/>.
/// </summary>
internal interface IStreamingFormatter
{
    void Begin(ReportContext context, TextWriter output);

    /// <summary>One file's outcome, in path order.</summary>
    void OnFile(LintedFile file);

    /// <summary>The end of the run: findings in no linted file, and the summary.</summary>
    void End(LintSummary summary);
}
