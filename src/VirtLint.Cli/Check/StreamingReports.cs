using VirtLint.Cli.Formats;
using VirtLint.Core;

namespace VirtLint.Cli.Check;

/// <summary>
/// The sink a check run lints into: it hands each file to the formats written as files arrive, counts the run for the
/// exit code and the summary, and keeps nothing of a file once it has passed. A format whose output fails stops
/// receiving files; its failure is rethrown when its file is closed.
/// </summary>
internal sealed class StreamingReports(ReportContext context, RunTally tally, Func<RunTally, RunOutcome> evaluate) : ILintSink
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
        for (var i = 0; i < _formats.Count; i++) Guard(i, f => f.OnFile(file));
    }

    public void OnEnd(LintSummary summary)
    {
        tally.OnEnd(summary);
        context.Tally = tally;
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
