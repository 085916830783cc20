using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Core;
using VirtLint.Core.Suppressions;

namespace VirtLint.Cli.Formats;

/// <summary>A flat, stable JSON report for scripts: a summary and one object per finding. Paths are exactly as displayed elsewhere.</summary>
internal sealed class JsonFormatter : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var report = context.Report;
        // Suppressed and baselined findings are listed too (marked), in report order, so scripts can audit them.
        var all = report.Findings.Concat(report.Hidden).ToList();
        all.Sort(Finding.Compare);
        var findings = all.Select(f => new JsonFinding(
            f.RuleId, f.Rule.Name, f.Severity.ToName(), f.Message, f.Path,
            f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn)
        {
            Suppressed = f.Suppression is { } s ? new JsonSuppression(s.By.ToName(), s.Reason, s.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null,
            Baselined = f.Suppression is null && f.Baselined ? true : null,
        }).ToArray();
        var summary = new JsonSummary(
            report.FileCount, report.Findings.Count, report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Note))
        {
            Suppressed = report.SuppressedCount,
            Baselined = report.BaselinedCount,
        };

        output.WriteLine(JsonSerializer.Serialize(new JsonReport(summary, findings), JsonReportContext.Readable.JsonReport));
    }
}

internal sealed record JsonReport(JsonSummary Summary, JsonFinding[] Findings);

/// <param name="Findings">The reported findings (suppressed and baselined ones are counted apart).</param>
internal sealed record JsonSummary(int Files, int Findings, int Errors, int Warnings, int Notes)
{
    public int Suppressed { get; init; }

    public int Baselined { get; init; }
}

internal sealed record JsonFinding(
    string RuleId, string Name, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonSuppression? Suppressed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Baselined { get; init; }
}

/// <summary>Which carrier hid the finding (<c>comment</c>, <c>metadata</c> or <c>config</c>), why, and until when (null: no expiry).</summary>
internal sealed record JsonSuppression(string By, string? Reason, string? Until);

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
