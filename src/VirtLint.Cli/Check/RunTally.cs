using VirtLint.Core;

namespace VirtLint.Cli.Check;

/// <summary>
/// The run's counts, kept as files arrive so the exit code, the summary and <c>--statistics</c> need no finding
/// once it is written: totals per severity, hidden counts, and per rule how many findings, at what highest severity,
/// and how many fail the run (whether warnings fail under <c>--max-warnings</c> is known only at the end, so those
/// are counted apart).
/// </summary>
internal sealed class RunTally(ExitPolicy policy) : ILintSink
{
    private readonly int[] _bySeverity = new int[3];
    private readonly Dictionary<string, RuleTally> _rules = new(StringComparer.Ordinal);

    public int FileCount { get; private set; }
    public IReadOnlyList<InputError> Errors { get; private set; } = [];
    public int FindingCount { get; private set; }
    public int SuppressedCount { get; private set; }
    public int BaselinedCount { get; private set; }

    /// <summary>Per rule, in no particular order.</summary>
    public IEnumerable<RuleTally> Rules => _rules.Values;

    public int Count(Severity severity) => _bySeverity[Index(severity)];

    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        Add(file.Findings);
        foreach (var hidden in file.Hidden)
        {
            if (hidden.Suppression is not null) SuppressedCount++;
            else if (hidden.Baselined) BaselinedCount++;
        }
    }

    public void OnEnd(LintSummary summary)
    {
        Add(summary.Findings);
        FileCount = summary.FileCount;
        Errors = summary.Errors;
    }

    private void Add(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            FindingCount++;
            _bySeverity[Index(finding.Severity)]++;
            if (!_rules.TryGetValue(finding.RuleId, out var rule)) _rules[finding.RuleId] = rule = new RuleTally(finding.Rule);
            rule.Count++;
            if (rule.Count == 1 || finding.Severity > rule.Severity) rule.Severity = finding.Severity;
            switch (RunOutcome.Fails(finding, policy))
            {
                case true:
                    rule.Failing++;
                    if (rule.Failing == 1 || finding.Severity > rule.FailingSeverity) rule.FailingSeverity = finding.Severity;
                    break;
                case null:
                    rule.FailingIfTooManyWarnings++;
                    break;
            }
        }
    }

    private static int Index(Severity severity) => severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };
}

/// <summary>One rule's counts in a run (see <see cref="RunTally"/>).</summary>
internal sealed class RuleTally(RuleDescriptor rule)
{
    public RuleDescriptor Rule { get; } = rule;
    public int Count { get; set; }
    public Severity Severity { get; set; }

    /// <summary>Findings that fail the run whatever the warning total.</summary>
    public int Failing { get; set; }
    public Severity FailingSeverity { get; set; }

    /// <summary>Warnings that fail the run only when there are more than <c>--max-warnings</c>.</summary>
    public int FailingIfTooManyWarnings { get; set; }
}
