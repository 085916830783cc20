namespace VirtLint.Core;

/// <summary>
/// A sink that keeps the whole run as a <see cref="LintReport"/>: for tests and callers that want every finding at
/// once. Its memory grows with the run; formats that write as files arrive should be sinks themselves.
/// </summary>
public sealed class LintReportCollector : ILintSink
{
    private readonly List<Finding> _findings = [];
    private readonly List<Finding> _hidden = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<string, SourceFile> _sources = new(StringComparer.Ordinal);
    private readonly bool _keepSources;
    private LintReport? _report;

    /// <param name="keepSources">False to drop each file's bytes: the report then has no <see cref="LintReport.Sources"/>, and holds findings only.</param>
    public LintReportCollector(bool keepSources = true) => _keepSources = keepSources;

    /// <summary>The run, once <see cref="OnEnd"/> has been called.</summary>
    public LintReport Report => _report ?? throw new InvalidOperationException("The run has not ended.");

    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        _files.Add(file.Path);
        _findings.AddRange(file.Findings);
        _hidden.AddRange(file.Hidden);
        if (_keepSources && file.Source is { } source) _sources[file.Path] = source.WithoutText();
    }

    public void OnEnd(LintSummary summary)
    {
        _findings.AddRange(summary.Findings);
        _hidden.AddRange(summary.Hidden);
        if (_keepSources)
        {
            foreach (var finding in summary.Findings.Concat(summary.Hidden))
            {
                if (!_sources.ContainsKey(finding.Path) && summary.SourceOf(finding.Path) is { } source) _sources[finding.Path] = source.WithoutText();
            }
        }

        // Files arrive in path order, so this only merges the run's late findings (and inputs named alike) into place.
        _findings.Sort(Finding.Compare);
        _hidden.Sort(Finding.Compare);
        _report = new LintReport(_findings, summary.FileCount, summary.Errors, _sources) { Hidden = _hidden, Files = _files, Notes = summary.Notes };
    }
}
