using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary><c>path:line:col: severity ID message</c>, one line per finding, then the summary: for editors' error matchers and quick reading.</summary>
internal sealed class ConciseFormatter(bool statistics = false) : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        foreach (var finding in context.Report.Findings)
        {
            var span = finding.Span;
            output.WriteLine(
                $"{TerminalText.Escape(finding.Path)}:{span.StartLine}:{span.StartColumn}: {finding.Severity.ToName()} {finding.RuleId} {TextFormatter.DisplayMessage(finding.Message)}");
        }

        if (statistics)
        {
            foreach (var line in StatisticsTable.Lines(context.Report)) output.WriteLine(line);
        }

        foreach (var line in context.Outcome.SummaryLines) output.WriteLine(line);
    }
}
