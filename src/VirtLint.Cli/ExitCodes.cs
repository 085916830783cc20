namespace VirtLint.Cli;

/// <summary>The process exit codes, the same contract as Ruff and hadolint so CI scripts can tell findings from broken runs.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the fail level.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Bad command line, or a path that could not be read. Wins over <see cref="Findings"/>: the report is incomplete.</summary>
    public const int UsageOrInputError = 2;
}
