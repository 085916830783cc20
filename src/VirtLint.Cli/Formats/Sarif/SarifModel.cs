using System.Text.Json.Serialization;

namespace VirtLint.Cli.Formats.Sarif;

// The subset of the SARIF 2.1.0 object model that VirtLint writes, in the property order of the specification's
// examples. Optional members are null and left out of the file.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    SarifRun[] Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    SarifRunAutomationDetails? AutomationDetails,
    Dictionary<string, SarifArtifactLocation>? OriginalUriBaseIds,
    string ColumnKind,
    SarifResult[] Results,
    SarifInvocation[]? Invocations = null);

/// <summary>How the run went: whether every input could be read, where it ran, and what the tool has to say about its output.</summary>
internal sealed record SarifInvocation(
    bool ExecutionSuccessful,
    SarifArtifactLocation? WorkingDirectory,
    SarifNotification[]? ToolExecutionNotifications);

internal sealed record SarifNotification(string Level, SarifMessage Message)
{
    /// <summary>The rule a run-level note is about (a workspace rule that had nothing to check).</summary>
    public SarifReportingDescriptorReference? AssociatedRule { get; init; }
}

/// <summary>A rule named by its id and, when it is in the run's catalogue, its index in <c>tool.driver.rules</c>.</summary>
internal sealed record SarifReportingDescriptorReference(string Id, int? Index);

internal sealed record SarifRunAutomationDetails(string Id);

internal sealed record SarifTool(SarifToolComponent Driver);

internal sealed record SarifToolComponent(
    string Name,
    string SemanticVersion,
    string InformationUri,
    SarifReportingDescriptor[] Rules);

internal sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMessage Help,
    string HelpUri,
    SarifReportingConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

/// <summary>A message or a multiformat message string: plain text, optionally with a Markdown rendering.</summary>
internal sealed record SarifMessage(string Text, string? Markdown = null);

internal sealed record SarifReportingConfiguration(string Level);

internal sealed record SarifRuleProperties(
    string[] Tags,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity,
    [property: JsonPropertyName("security-severity")] string? SecuritySeverity);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    SarifLocation[] Locations,
    Dictionary<string, string>? PartialFingerprints)
{
    /// <summary>The finding's baseline identity: <c>virtlint/v1</c>, stable across line moves and reordering.</summary>
    public Dictionary<string, string>? Fingerprints { get; init; }

    /// <summary>The other places a finding points at (another document's definition), each with its own id and message.</summary>
    public SarifLocation[]? RelatedLocations { get; init; }

    /// <summary>Set only under <c>--sarif-include-suppressed</c>, for a suppressed or baselined finding.</summary>
    public SarifSuppression[]? Suppressions { get; init; }
}

/// <summary><c>inSource</c> for comment and metadata suppressions, <c>external</c> for config ignores and the baseline.</summary>
internal sealed record SarifSuppression(string Kind, string? Justification);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation)
{
    /// <summary>A related location's id, unique within its result (from 1); absent on the primary location.</summary>
    [JsonPropertyOrder(-1)]
    public int? Id { get; init; }

    /// <summary>What a related location shows.</summary>
    public SarifMessage? Message { get; init; }
}

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);
