namespace VirtLint.Core.Suppressions;

/// <summary>Where a suppression is written: the three carriers share one grammar (rules, reason, until).</summary>
public enum SuppressionCarrier
{
    /// <summary><c>&lt;vl:suppress&gt;</c> in a domain's or network's <c>&lt;metadata&gt;</c>; survives <c>virsh dumpxml</c>.</summary>
    Metadata,

    /// <summary><c>&lt;!-- virtlint-disable-next-element … --&gt;</c> or <c>&lt;!-- virtlint-disable-file … --&gt;</c>; libvirt drops comments.</summary>
    Comment,

    /// <summary>An <c>ignores:</c> entry of <c>.virtlint.yaml</c>.</summary>
    Config,
}

public static class SuppressionCarriers
{
    /// <summary>The name JSON output uses in <c>suppressed.by</c>.</summary>
    public static string ToName(this SuppressionCarrier carrier) => carrier switch
    {
        SuppressionCarrier.Metadata => "metadata",
        SuppressionCarrier.Comment => "comment",
        _ => "config",
    };
}

/// <summary>Why a finding is not reported: which carrier suppressed it, with its reason and last day.</summary>
public sealed record SuppressionMatch(SuppressionCarrier By, string? Reason, DateOnly? Until);
