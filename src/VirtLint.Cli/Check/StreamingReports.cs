using VirtLint.Cli.Formats;
using VirtLint.Core;

namespace VirtLint.Cli.Check;

/// <summary>
/// The sink a check run lints into: it hands each file to the formats written as files arrive, counts the run for the
/// exit code and the summary, and keeps its findings (never file bytes) only when <paramref name="collector"/> is
/// given, for the formats written after the run. A format whose output fails stops receiving files; its failure is
/// rethrown when its file is closed.
/// </summary>
internal sealed class StreamingReports(ReportContext context, RunTally tally, LintReportCollector? collector, Func<RunTally, RunOutcome> evaluate) : ILintSink
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
        tally.OnFile(file);
        collector?.OnFile(file);
        for (var i = 0; i < _formats.Count; i++) Guard(i, f => f.OnFile(file));
    }

    public void OnEnd(LintSummary summary)
    {
        tally.OnEnd(summary);
        collector?.OnEnd(summary);
        context.Tally = tally;
        if (collector is not null) context.Report = collector.Report;
        context.Outcome = evaluate(tally);
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
