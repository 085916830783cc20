using VirtLint.Cli.Formats;
using VirtLint.Core;

namespace VirtLint.Cli.Check;

/// <summary>
/// The sink a check run lints into: it hands each file to the formats written as files arrive, and keeps the run's
/// findings (with file bytes only when a format written after the run needs them) for the exit code, the summary and
/// those formats. A format whose output fails stops receiving files; its failure is rethrown when its file is closed.
/// </summary>
internal sealed class StreamingReports(ReportContext context, LintReportCollector collector, Func<LintReport, RunOutcome> evaluate) : ILintSink
{
    private readonly List<(IStreamingFormatter Formatter, Exception? Failure)> _formats = [];

    public void Add(IStreamingFormatter formatter, TextWriter output)
    {
        var index = _formats.Count;
        _formats.Add((formatter, null));
        Guard(index, f => f.Begin(context, output));
    }

    public int Count => _formats.Count;

    /// <summary>The write failure of the format added <paramref name="index"/>-th, if any.</summary>
    public Exception? FailureOf(int index) => _formats[index].Failure;

    public void OnFile(LintedFile file)
    {
        collector.OnFile(file);
        for (var i = 0; i < _formats.Count; i++) Guard(i, f => f.OnFile(file));
    }

    public void OnEnd(LintSummary summary)
    {
        collector.OnEnd(summary);
        context.Report = collector.Report;
        context.Outcome = evaluate(collector.Report);
        for (var i = 0; i < _formats.Count; i++) Guard(i, f => f.End(summary));
    }

    private void Guard(int index, Action<IStreamingFormatter> write)
    {
        var (formatter, failure) = _formats[index];
        if (failure is not null) return;
        try
        {
            write(formatter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _formats[index] = (formatter, e);
        }
    }
}
