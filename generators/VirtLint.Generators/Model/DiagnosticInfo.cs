namespace VirtLint.Generators.Model;

/// <summary>A diagnostic as plain data, so it can live in cached models; becomes a Roslyn Diagnostic only at output.</summary>
internal sealed record DiagnosticInfo(
    string Id,
    string Message,
    string Path,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn);
