using System.Globalization;
using System.Text;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// Human output in the Ruff style: <c>path:line:col: severity ID message</c>, a code frame with carets under the
/// flagged region, then a one-line summary. Text from documents and file names is escaped
/// (<see cref="TerminalText"/>), and the output stays linear in the number of findings: frames show at most
/// <see cref="MaxFrameColumns"/> characters of a line, and a file's findings after the first
/// <see cref="MaxFramesPerFile"/> are listed without frames. Each file is written as it arrives.
/// </summary>
internal sealed class TextFormatter(bool useColor, bool statistics = false) : IStreamingFormatter
{
    public const int MaxFrameColumns = 200;
    public const int MaxFramesPerFile = 50;
    public const int MaxMessageLength = 1000;

    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Red = "\e[31m";
    private const string Yellow = "\e[33m";
    private const string Cyan = "\e[36m";
    private const char Ellipsis = '…';

    private ReportContext _context = null!;
    private TextWriter _output = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
    }

    /// <summary>The file's findings, framed from its text while it is at hand (the run does not keep it).</summary>
    public void OnFile(LintedFile file) => WriteFile(file.Path, file.Source, file.Findings, 0, file.Findings.Count);

    public void End(LintSummary summary)
    {
        // Findings known only now come last: a config ignore's problem (in the config file), cross-document findings (framed from
        // the text the run read again for them).
        var findings = summary.Findings;
        for (var first = 0; first < findings.Count;)
        {
            var path = findings[first].Path;
            var end = first;
            while (end < findings.Count && findings[end].Path == path) end++;
            WriteFile(path, summary.SourceOf(path), findings, first, end);
            first = end;
        }

        WriteNotes(_output, summary.Notes);
        var tally = _context.Tally;
        if (statistics)
        {
            foreach (var line in StatisticsTable.Lines(tally)) _output.WriteLine(line);
            if (tally.FindingCount > 0) _output.WriteLine();
        }

        foreach (var line in _context.Outcome.SummaryLines) _output.WriteLine(line);
    }

    private void WriteFile(string path, SourceFile? source, IReadOnlyList<Finding> findings, int first, int end)
    {
        var output = _output;
        var text = source?.Text;
        var lineStarts = source?.LineStarts;
        for (var i = first; i < end; i++)
        {
            var index = i - first;
            if (index == MaxFramesPerFile)
            {
                var rest = end - i;
                output.WriteLine($"{Ellipsis} {RunOutcome.Plural(rest, "more finding")} in {TerminalText.Escape(path)}, shown without code frames:");
            }

            WriteHeader(output, findings[i]);
            if (index < MaxFramesPerFile)
            {
                if (text is not null) WriteFrame(output, text, lineStarts!, findings[i]);
                WriteRelated(output, findings[i]);
                output.WriteLine();
            }
            else
            {
                WriteRelated(output, findings[i]);
            }
        }

        if (end - first > MaxFramesPerFile) output.WriteLine();
    }

    private void WriteHeader(TextWriter output, Finding finding)
    {
        var span = finding.Span;
        output.WriteLine(
            $"{TerminalText.Escape(finding.Path)}:{span.StartLine}:{span.StartColumn}: {Paint(finding.Severity.ToName(), SeverityColor(finding.Severity))} {Paint(finding.RuleId, Bold)} {DisplayMessage(finding.Message)}");
    }

    /// <summary>
    /// A finding's related locations, one <c>  see also path:line:col: message</c> line each, without a code frame:
    /// a related file's text is not at hand (it may have been linted long before), and is not read again.
    /// </summary>
    internal static void WriteRelated(TextWriter output, Finding finding)
    {
        foreach (var related in finding.Related)
            output.WriteLine($"  see also {TerminalText.Escape(related.Path)}:{related.Span.StartLine}:{related.Span.StartColumn}: {DisplayMessage(related.Message)}");
    }

    /// <summary>Run-level notes (a workspace rule with nothing to check), one <c>note: RULE: message</c> line each.</summary>
    internal static void WriteNotes(TextWriter output, IReadOnlyList<RunNote> notes)
    {
        foreach (var note in notes) output.WriteLine($"note: {TerminalText.Escape(note.RuleId)}: {DisplayMessage(note.Message)}");
    }

    /// <summary>The message as a terminal shows it: escaped, and cut after <see cref="MaxMessageLength"/> characters (a value can be megabytes long).</summary>
    internal static string DisplayMessage(string message) =>
        TerminalText.Escape(message.Length > MaxMessageLength ? message[..MaxMessageLength] + Ellipsis : message);

    private void WriteFrame(TextWriter output, string text, int[] lineStarts, Finding finding)
    {
        var span = finding.Span;
        var (lineStart, lineEnd) = LineBounds(text, lineStarts, span.StartLine);
        var length = lineEnd - lineStart;

        // Columns are 0-based offsets into the line from here on; the flagged region is [start, end).
        var start = Math.Clamp(span.StartColumn - 1, 0, length);
        var end = span.EndLine == span.StartLine ? Math.Clamp(span.EndColumn - 1, start, length) : length;

        // A long line is shown as a window around the start of the region, marked with an ellipsis where cut.
        var from = 0;
        var to = length;
        if (length > MaxFrameColumns)
        {
            from = Math.Clamp(start - (MaxFrameColumns / 4), 0, length - MaxFrameColumns);
            to = from + MaxFrameColumns;
        }

        var markStart = Math.Min(start, to);
        var markEnd = Math.Clamp(end, markStart, to);

        var before = new StringBuilder();
        var marked = new StringBuilder();
        var after = new StringBuilder();
        var indent = new StringBuilder();
        if (from > 0)
        {
            before.Append(Ellipsis);
            indent.Append(' ');
        }

        for (var i = from; i < markStart; i++)
        {
            var c = text[lineStart + i];
            TerminalText.AppendEscaped(before, c);
            // Copy tabs from the source line so the carets line up whatever the terminal's tab width.
            indent.Append(c == '\t' ? '\t' : ' ', c == '\t' ? 1 : TerminalText.Width(c));
        }

        for (var i = markStart; i < markEnd; i++) TerminalText.AppendEscaped(marked, text[lineStart + i]);
        for (var i = markEnd; i < to; i++) TerminalText.AppendEscaped(after, text[lineStart + i]);
        if (to < length) after.Append(Ellipsis);

        var number = span.StartLine.ToString(CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var source = string.Concat(before.ToString(), marked.ToString(), after.ToString());
        output.WriteLine($"{gutter} |");
        output.WriteLine(source.Length == 0 ? $"{number} |" : $"{number} | {source}");
        output.WriteLine($"{gutter} | {indent}{Paint(new string('^', Math.Max(1, marked.Length)), SeverityColor(finding.Severity))}");
        output.WriteLine($"{gutter} |");
    }

    /// <summary>The line's start and end offsets (line break excluded), without copying the line: a line can be megabytes long.</summary>
    private static (int Start, int End) LineBounds(string text, int[] lineStarts, int line)
    {
        if (line < 1 || line > lineStarts.Length) return (0, 0);
        var start = lineStarts[line - 1];
        var end = line < lineStarts.Length ? lineStarts[line] : text.Length;
        while (end > start && text[end - 1] is '\n' or '\r') end--;
        return (start, end);
    }

    private static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Error => Red,
        Severity.Warning => Yellow,
        _ => Cyan,
    };

    private string Paint(string text, string color) => useColor ? color + text + Reset : text;
}
