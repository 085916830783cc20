namespace VirtLint.Core;

/// <summary>One problem found in one file.</summary>
/// <param name="Path">The path as the user gave it (or found under a directory they gave), or <c>&lt;stdin&gt;</c>.</param>
public sealed record Finding(RuleDescriptor Rule, Severity Severity, string Message, string Path, SourceSpan Span)
{
    public string RuleId => Rule.Id;

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
