using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>Everything a format may need about a finished run.</summary>
internal sealed class ReportContext
{
    /// <summary>The run's counts; set once it has ended (a streaming format sees them only in its <c>End</c>).</summary>
    public Check.RunTally Tally { get; set; } = null!;
    public required RuleCatalog Catalog { get; init; }
    public RunOutcome Outcome { get; set; } = null!;
    public required ArtifactPaths Paths { get; init; }

    /// <summary>SARIF <c>automationDetails.id</c> prefix; null for none.</summary>
    public string? SarifCategory { get; init; }

    /// <summary>At most this many SARIF results, the most severe kept; 0 for no limit.</summary>
    public int SarifMaxResults { get; init; } = SarifFormatter.DefaultMaxResults;

    /// <summary>The repository-relative path a finding's baseline identity uses (SARIF <c>virtlint/v1</c>); <see cref="Paths"/> when null.</summary>
    public Func<string, string>? IdentityPath { get; init; }

    /// <summary>SARIF: also publish suppressed and baselined findings, each with its <c>suppressions[]</c>.</summary>
    public bool SarifIncludeSuppressed { get; init; }

    /// <summary>The severity a rule is configured at in this run, for rules without findings; the default severity when null.</summary>
    public Func<RuleDescriptor, Severity>? ConfiguredLevel { get; init; }

    /// <summary>Where a format reports something the user should know about its output (a cap, a missing name), for stderr.</summary>
    public Action<string> Warn { get; init; } = _ => { };
}
