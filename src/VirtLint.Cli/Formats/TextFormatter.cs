using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// Human output in the Ruff style: <c>path:line:col: severity ID message</c>, a code frame with carets under the
/// flagged region, then a one-line summary.
/// </summary>
internal sealed class TextFormatter(bool useColor) : IReportFormatter
{
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Red = "\e[31m";
    private const string Yellow = "\e[33m";
    private const string Cyan = "\e[36m";

    public void Write(LintReport report, TextWriter output)
    {
        var lineStarts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            var span = finding.Span;
            output.WriteLine($"{finding.Path}:{span.StartLine}:{span.StartColumn}: {Paint(finding.Severity.ToName(), SeverityColor(finding.Severity))} {Paint(finding.RuleId, Bold)} {finding.Message}");
            if (report.Sources.TryGetValue(finding.Path, out var text))
            {
                if (!lineStarts.TryGetValue(finding.Path, out var starts))
                    lineStarts[finding.Path] = starts = SourceText.LineStarts(text);
                WriteFrame(output, SourceText.Line(text, starts, span.StartLine), finding);
            }

            output.WriteLine();
        }

        output.WriteLine(Summary(report));
    }

    private void WriteFrame(TextWriter output, string line, Finding finding)
    {
        var span = finding.Span;
        var number = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var start = Math.Max(1, span.StartColumn);
        var width = span.EndLine == span.StartLine ? span.EndColumn - start : line.Length - start + 1;

        // Copy tabs from the source line so the carets line up whatever the terminal's tab width.
        var indent = new StringBuilder();
        for (var i = 0; i < start - 1; i++)
            indent.Append(i < line.Length && line[i] == '\t' ? '\t' : ' ');

        output.WriteLine($"{gutter} |");
        output.WriteLine(line.Length == 0 ? $"{number} |" : $"{number} | {line}");
        output.WriteLine($"{gutter} | {indent}{Paint(new string('^', Math.Max(1, width)), SeverityColor(finding.Severity))}");
        output.WriteLine($"{gutter} |");
    }

    internal static string Summary(LintReport report)
    {
        var files = Plural(report.FileCount, "file");
        if (report.Findings.Count == 0) return $"Checked {files}: no problems found.";

        var parts = new List<string>(3);
        foreach (var (severity, noun) in new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Note, "note") })
        {
            var count = report.Count(severity);
            if (count > 0) parts.Add(Plural(count, noun));
        }

        return $"Checked {files}: {string.Join(", ", parts)}.";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => useColor ? color + text + Reset : text;
}
