using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// <c>path:line:col: severity ID message</c>, one line per finding, then the run's notes and the summary: for editors'
/// error matchers and quick reading. Related locations are left out, so each finding stays one line a matcher reads.
/// </summary>
internal sealed class ConciseFormatter(bool statistics = false) : IStreamingFormatter
{
    private ReportContext _context = null!;
    private TextWriter _output = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
    }

    public void OnFile(LintedFile file) => Write(file.Findings);

    public void End(LintSummary summary)
    {
        // Findings in no linted file (a config ignore's problem, in the config file) are known only now: they come last.
        Write(summary.Findings);
        TextFormatter.WriteNotes(_output, summary.Notes);
        if (statistics)
        {
            foreach (var line in StatisticsTable.Lines(_context.Tally)) _output.WriteLine(line);
        }

        foreach (var line in _context.Outcome.SummaryLines) _output.WriteLine(line);
    }

    private void Write(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            var span = finding.Span;
            _output.WriteLine(
                $"{TerminalText.Escape(finding.Path)}:{span.StartLine}:{span.StartColumn}: {finding.Severity.ToName()} {finding.RuleId} {TextFormatter.DisplayMessage(finding.Message)}");
        }
    }
}
