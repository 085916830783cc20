using System.Text;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// GitHub Actions workflow commands, one annotation per finding, errors first (GitHub shows only the first few of
/// each kind per step): <c>::error file=vms/a.xml,line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::message</c>.
/// File paths are relative to the repository root, as annotations need; a finding's related locations follow its
/// message on lines of their own (<c>see also path:line:col: message</c>). With <paramref name="summary"/> (the
/// <c>auto</c> format under GitHub Actions) the human summary follows.
/// </summary>
/// <remarks>
/// Errors first means nothing can be written before the run ends: findings wait in a <see cref="FindingSpill"/> per
/// severity, on disk, and are written in report order within each severity, the run's late findings merged in place.
/// </remarks>
internal sealed class GitHubFormatter(bool summary = false, bool statistics = false) : IStreamingFormatter
{
    // Indexed by severity: Note, Warning, Error.
    private readonly FindingSpill[] _spills = [new(), new(), new()];
    private ReportContext _context = null!;
    private TextWriter _output = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
    }

    public void OnFile(LintedFile file)
    {
        foreach (var finding in file.Findings) _spills[(int)finding.Severity].Add(finding);
    }

    public void End(LintSummary run)
    {
        try
        {
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Note })
            {
                var late = run.Findings.Where(f => f.Severity == severity).ToArray();
                var spilled = _spills[(int)severity].Read().Select(r => r.Finding!);
                foreach (var finding in ReportOrder.Merge(spilled, late, f => f)) Write(finding);
            }
        }
        finally
        {
            foreach (var spill in _spills) spill.Dispose();
        }

        if (statistics)
        {
            foreach (var line in StatisticsTable.Lines(_context.Tally)) _output.WriteLine(line);
        }

        if (summary)
        {
            foreach (var line in _context.Outcome.SummaryLines) _output.WriteLine(line);
        }
    }

    private void Write(Finding finding)
    {
        var paths = _context.Paths;
        var span = finding.Span;
        var properties = new StringBuilder()
            .Append("file=").Append(EscapeProperty(paths.RepositoryPath(finding.Path)))
            .Append(",line=").Append(span.StartLine)
            .Append(",col=").Append(span.StartColumn)
            .Append(",endLine=").Append(span.EndLine)
            .Append(",endColumn=").Append(span.EndColumn)
            .Append(",title=").Append(EscapeProperty($"{finding.RuleId} {finding.Rule.Name}"));
        var message = finding.Message;
        foreach (var related in finding.Related)
            message += $"\nsee also {paths.RepositoryPath(related.Path)}:{related.Span.StartLine}:{related.Span.StartColumn}: {related.Message}";
        _output.WriteLine($"::{Command(finding.Severity)} {properties}::{EscapeData(message)}");
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
