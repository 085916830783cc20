using VirtLint.Core.Baselines;
using VirtLint.Core.Suppressions;

namespace VirtLint.Core;

/// <summary>One problem found in one file.</summary>
/// <param name="Path">The path as the user gave it (or found under a directory they gave), or <c>&lt;stdin&gt;</c>.</param>
/// <param name="Severity">The effective severity: the rule's default unless the configuration says otherwise.</param>
/// <remarks>
/// Everything that needs the parsed tree (offsets, logical location, value hash) is computed when the checker
/// reports, so no stage after it keeps the tree alive.
/// </remarks>
public sealed record Finding(RuleDescriptor Rule, Severity Severity, string Message, string Path, SourceSpan Span)
{
    public string RuleId => Rule.Id;

    /// <summary>Character offsets of the span in the decoded text (0-based; end exclusive); 0 when unknown.</summary>
    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    /// <summary>The flagged node's stable identity from libvirt's natural keys (<see cref="LogicalLocator"/>); "" for the file as a whole.</summary>
    public string LogicalLocation { get; init; } = "";

    /// <summary>
    /// The flagged value in canonical form (attributes sorted, whitespace collapsed; see <see cref="Baselines.ValueHash"/>),
    /// kept instead of its hash so that runs needing no identity never hash (or load a cryptography library).
    /// </summary>
    public string CanonicalValue { get; init; } = "";

    /// <summary>The hash of the flagged value: a baseline entry resurfaces when it changes. Computed on each call.</summary>
    public string ValueHash => Baselines.ValueHash.Hash(CanonicalValue);

    /// <summary>Other places that explain the finding (another file's definition, a conflicting element); none yet.</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>An automatic fix; no rule offers one yet.</summary>
    public FindingFix? Fix { get; init; }

    /// <summary>Set when a suppression hides the finding: it is reported only in JSON (and SARIF on request) and never fails a run.</summary>
    public SuppressionMatch? Suppression { get; init; }

    /// <summary>Set when a baseline entry accepted the finding: hidden like a suppressed one.</summary>
    public bool Baselined { get; init; }

    /// <summary>Neither suppressed nor baselined: what a report shows and the exit code counts.</summary>
    public bool IsActive => Suppression is null && !Baselined;

    /// <summary>The baseline identity of the finding, for the file spelled <paramref name="repositoryRelativePath"/>.</summary>
    public BaselineIdentity Identity(string repositoryRelativePath) =>
        new(BaselineIdentity.NormalizePath(repositoryRelativePath), Rule.Id, LogicalLocation, ValueHash);

    /// <summary>Deterministic report order: path, line, column, rule id, message.</summary>
    public static int Compare(Finding a, Finding b)
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = a.Span.StartLine.CompareTo(b.Span.StartLine);
        if (c != 0) return c;
        c = a.Span.StartColumn.CompareTo(b.Span.StartColumn);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>A further place a finding points at, with what it shows there.</summary>
public sealed record RelatedLocation(string Path, SourceSpan Span, string Message);

/// <summary>A replacement that fixes a finding: the text between two offsets of the file becomes <see cref="Replacement"/>.</summary>
public sealed record FindingFix(string Description, int StartOffset, int EndOffset, string Replacement);
