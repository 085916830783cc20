using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>A flat, stable JSON report for scripts: a summary and one object per finding. Paths are exactly as displayed elsewhere.</summary>
internal sealed class JsonFormatter : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var report = context.Report;
        var findings = report.Findings.Select(f => new JsonFinding(
            f.RuleId, f.Rule.Name, f.Severity.ToName(), f.Message, f.Path,
            f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn)).ToArray();
        var summary = new JsonSummary(
            report.FileCount, findings.Length, report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Note));

        output.WriteLine(JsonSerializer.Serialize(new JsonReport(summary, findings), JsonReportContext.Readable.JsonReport));
    }
}

internal sealed record JsonReport(JsonSummary Summary, JsonFinding[] Findings);

internal sealed record JsonSummary(int Files, int Findings, int Errors, int Warnings, int Notes);

internal sealed record JsonFinding(
    string RuleId, string Name, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext
{
    /// <summary>
    /// Messages quote values in 'single quotes' and paths may hold non-ASCII names; the default encoder would turn
    /// those into \u0027 escapes. The report is never embedded in HTML, so the relaxed encoder is safe. The other
    /// settings repeat the attribute's, which has no way to name an encoder.
    /// </summary>
    public static JsonReportContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
