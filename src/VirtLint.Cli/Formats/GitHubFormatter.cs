using System.Text;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// GitHub Actions workflow commands, one annotation per finding, errors first (GitHub shows only the first few of
/// each kind per step): <c>::error file=vms/a.xml,line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::message</c>.
/// File paths are relative to the repository root, as annotations need. With <paramref name="summary"/> (the
/// <c>auto</c> format under GitHub Actions) the human summary follows.
/// </summary>
internal sealed class GitHubFormatter(bool summary = false, bool statistics = false) : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var findings = context.Report.Findings;
        var order = Enumerable.Range(0, findings.Count).OrderByDescending(i => findings[i].Severity).ThenBy(i => i);
        foreach (var index in order)
        {
            var finding = findings[index];
            var span = finding.Span;
            var properties = new StringBuilder()
                .Append("file=").Append(EscapeProperty(context.Paths.RepositoryPath(finding.Path)))
                .Append(",line=").Append(span.StartLine)
                .Append(",col=").Append(span.StartColumn)
                .Append(",endLine=").Append(span.EndLine)
                .Append(",endColumn=").Append(span.EndColumn)
                .Append(",title=").Append(EscapeProperty($"{finding.RuleId} {finding.Rule.Name}"));
            output.WriteLine($"::{Command(finding.Severity)} {properties}::{EscapeData(finding.Message)}");
        }

        if (statistics)
        {
            foreach (var line in StatisticsTable.Lines(context.Tally)) output.WriteLine(line);
        }

        if (summary)
        {
            foreach (var line in context.Outcome.SummaryLines) output.WriteLine(line);
        }
    }

    public static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>
    /// The message after '::': GitHub decodes %25, %0D and %0A, and a raw line break would end the command (and let
    /// the rest of a value forge another). Other control characters are shown as terminal escapes.
    /// </summary>
    public static string EscapeData(string text) =>
        TerminalText.Escape(text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    /// <summary>A property value, where ':' and ',' would also end the value (%3A, %2C).</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
