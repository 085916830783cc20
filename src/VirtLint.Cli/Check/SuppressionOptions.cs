using System.CommandLine;

namespace VirtLint.Cli.Check;

/// <summary>The options about suppressed and baselined findings.</summary>
internal sealed class SuppressionOptions
{
    public Option<bool> NoInlineSuppressions { get; } = new("--no-inline-suppressions")
    {
        Description = "Ignore suppressions written in the documents (comments and <metadata>); config ignores still apply.",
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Hide the findings this baseline file accepts (see 'virtlint baseline create'); its unused entries are reported as notes.",
        HelpName = "FILE",
    };

    public Option<bool> StrictBaseline { get; } = new("--strict-baseline")
    {
        Description = "Fail the run when the baseline has entries no finding matched (fixed problems still listed).",
    };

    public Option<bool> SarifIncludeSuppressed { get; } = new("--sarif-include-suppressed")
    {
        Description = "SARIF: also publish suppressed and baselined findings, with suppressions[].justification (GitHub shows them as open alerts).",
    };

    public IEnumerable<Option> All => [NoInlineSuppressions, Baseline, StrictBaseline, SarifIncludeSuppressed];
}
