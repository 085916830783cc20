using System.Globalization;
using VirtLint.Cli.Check;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>The exit-code options of <c>virtlint check</c>.</summary>
/// <param name="FailOn">Findings at or above this severity fail the run; null (<c>--fail-on none</c>) never.</param>
/// <param name="MaxWarnings">When set, warnings fail the run only when there are more than this many.</param>
internal sealed record ExitPolicy(Severity? FailOn, int? MaxWarnings = null, bool ExitZero = false, bool FailIfNoFiles = false)
{
    /// <summary>The fail level of a file's own configuration (null: never fail); <see cref="FailOn"/> for files it does not know.</summary>
    public Func<string, (bool Known, Severity? FailOn)>? FailOnFor { get; init; }

    /// <summary>Extra findings that fail the run whatever their severity (<c>--strict-baseline</c>: unused baseline entries).</summary>
    public Func<Finding, bool>? AlwaysFails { get; init; }

    public static ExitPolicy Default { get; } = new(Severity.Warning);
}

/// <summary>What a run amounts to: which findings fail it, the exit code, and the one-line summary that says why.</summary>
internal sealed class RunOutcome
{
    private const int MaxRulesNamed = 10;

    private RunOutcome(RunTally tally, ExitPolicy policy)
    {
        Tally = tally;
        Policy = policy;
        var warnings = tally.Count(Severity.Warning);
        TooManyWarnings = policy.MaxWarnings is { } max && warnings > max;
        FailingRules = tally.Rules
            .Select(r => (r.Rule, Count: r.Failing + (TooManyWarnings ? r.FailingIfTooManyWarnings : 0),
                Severity: TooManyWarnings && r.FailingIfTooManyWarnings > 0 && (r.Failing == 0 || r.FailingSeverity < Severity.Warning) ? Severity.Warning : r.FailingSeverity))
            .Where(r => r.Count > 0)
            .Select(r => new RuleCount(r.Rule, r.Severity, r.Count))
            .OrderByDescending(r => r.Severity).ThenByDescending(r => r.Count).ThenBy(r => r.Rule.Id, StringComparer.Ordinal)
            .ToArray();
        NoFiles = tally.FileCount == 0 && tally.Errors.Count == 0;

        ExitCode = tally.Errors.Count > 0 || (NoFiles && policy.FailIfNoFiles) ? ExitCodes.UsageOrInputError
            : FailingRules.Count > 0 && !policy.ExitZero ? ExitCodes.Findings
            : ExitCodes.Clean;
    }

    public RunTally Tally { get; }
    public ExitPolicy Policy { get; }

    /// <summary>The rules with failing findings, most severe and most frequent first.</summary>
    public IReadOnlyList<RuleCount> FailingRules { get; }

    public bool TooManyWarnings { get; }
    public bool NoFiles { get; }
    public int ExitCode { get; }

    public static RunOutcome Evaluate(RunTally tally, ExitPolicy policy) => new(tally, policy);

    /// <summary>True when <paramref name="finding"/> counts against the run under the policy.</summary>
    public bool IsFailing(Finding finding) => Fails(finding, Policy) ?? TooManyWarnings;

    /// <summary>
    /// Whether <paramref name="finding"/> fails a run under <paramref name="policy"/>; null for a warning under
    /// <c>--max-warnings</c>, which fails only when the run has too many.
    /// </summary>
    public static bool? Fails(Finding finding, ExitPolicy policy)
    {
        if (policy.AlwaysFails?.Invoke(finding) == true) return true;
        if (finding.Severity == Severity.Warning && policy.MaxWarnings is not null) return null;
        var threshold = policy.FailOn;
        if (policy.FailOnFor?.Invoke(finding.Path) is { Known: true } own) threshold = own.FailOn;
        return threshold is { } level && finding.Severity >= level;
    }

    /// <summary><c>Checked 3 files: 1 error, 2 warnings.</c> (and how many paths could not be read).</summary>
    public string Counts
    {
        get
        {
            var files = Plural(Tally.FileCount, "file");
            var counts = new List<string>(3);
            foreach (var (severity, noun) in new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Note, "note") })
            {
                var count = Tally.Count(severity);
                if (count > 0) counts.Add(Plural(count, noun));
            }

            var line = counts.Count == 0 ? $"Checked {files}: no problems found." : $"Checked {files}: {string.Join(", ", counts)}.";
            var hidden = new List<string>(2);
            if (Tally.SuppressedCount > 0) hidden.Add($"{Tally.SuppressedCount.ToString(CultureInfo.InvariantCulture)} suppressed");
            if (Tally.BaselinedCount > 0) hidden.Add($"{Tally.BaselinedCount.ToString(CultureInfo.InvariantCulture)} in the baseline");
            if (hidden.Count > 0) line = line[..^1] + $" ({string.Join(", ", hidden)}).";
            if (Tally.Errors.Count > 0)
                line += Tally.Errors.Count == 1 ? " 1 path could not be read." : $" {Tally.Errors.Count.ToString(CultureInfo.InvariantCulture)} paths could not be read.";
            return line;
        }
    }

    /// <summary>
    /// Why findings fail the run, or null when they do not:
    /// <c>Failed by 2 rules: VL1004 disk-cache-unsafe (1), VL1001 disk-bus-not-virtio (2).</c>
    /// </summary>
    public string? Failure
    {
        get
        {
            if (FailingRules.Count == 0 || Policy.ExitZero) return null;
            var line = TooManyWarnings
                ? $"{Plural(Tally.Count(Severity.Warning), "warning")} exceed --max-warnings {Policy.MaxWarnings!.Value.ToString(CultureInfo.InvariantCulture)}. "
                : "";
            var named = FailingRules.Take(MaxRulesNamed).Select(r => $"{r.Rule.Id} {r.Rule.Name} ({r.Count.ToString(CultureInfo.InvariantCulture)})");
            var more = FailingRules.Count > MaxRulesNamed ? $" and {(FailingRules.Count - MaxRulesNamed).ToString(CultureInfo.InvariantCulture)} more" : "";
            return line + $"Failed by {Plural(FailingRules.Count, "rule")}: {string.Join(", ", named)}{more}.";
        }
    }

    /// <summary>The summary as the human report ends: the counts, then the failure on its own line.</summary>
    public IReadOnlyList<string> SummaryLines => Failure is { } failure ? [Counts, failure] : [Counts];

    /// <summary>The summary on one line, for standard error.</summary>
    public string Summary => string.Join(' ', SummaryLines);

    internal static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";
}

/// <summary>How often one rule was reported, and at what (highest) severity.</summary>
internal sealed record RuleCount(RuleDescriptor Rule, Severity Severity, int Count);
