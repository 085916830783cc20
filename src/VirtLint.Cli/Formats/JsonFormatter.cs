using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Core;
using VirtLint.Core.Suppressions;

namespace VirtLint.Cli.Formats;

/// <summary>
/// A flat, stable JSON report for scripts: one object per finding, then a summary. Paths are exactly as displayed
/// elsewhere. Findings are written as each file arrives, so the summary, known only at the end, comes last.
/// </summary>
internal sealed class JsonFormatter : IStreamingFormatter
{
    private ReportContext _context = null!;
    private TextWriter _output = null!;
    private StreamedJson _json = null!;
    private Utf8JsonWriter _writer = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
        _json = new StreamedJson(output).Start();
        _writer = _json.Writer;
        _writer.WriteStartObject();
        _writer.WriteStartArray("findings");
    }

    public void OnFile(LintedFile file)
    {
        // Suppressed and baselined findings are listed too (marked), in report order, so scripts can audit them.
        if (file.Hidden.Count == 0)
        {
            Write(file.Findings);
        }
        else
        {
            var all = file.Findings.Concat(file.Hidden).ToList();
            all.Sort(Finding.Compare);
            Write(all);
        }
    }

    public void End(LintSummary summary)
    {
        // Findings known only now come last: a config ignore's problem (in the config file), cross-document findings
        // (with the hidden ones among them, marked, as for each file).
        if (summary.Hidden.Count == 0)
        {
            Write(summary.Findings);
        }
        else
        {
            var all = summary.Findings.Concat(summary.Hidden).ToList();
            all.Sort(Finding.Compare);
            Write(all);
        }
        _writer.WriteEndArray();
        if (summary.Notes.Count > 0)
        {
            // Only when there are some, so reports of runs without workspace rules keep their shape.
            _writer.WritePropertyName("notes");
            JsonSerializer.Serialize(_writer, summary.Notes.Select(n => new JsonNote(n.RuleId, n.Message)).ToArray(), JsonReportContext.Readable.JsonNoteArray);
        }

        var report = _context.Tally;
        _writer.WritePropertyName("summary");
        JsonSerializer.Serialize(_writer, new JsonSummary(
            report.FileCount, report.FindingCount, report.Count(Severity.Error), report.Count(Severity.Warning), report.Count(Severity.Note))
        {
            Suppressed = report.SuppressedCount,
            Baselined = report.BaselinedCount,
        }, JsonReportContext.Readable.JsonSummary);
        _writer.WriteEndObject();
        _json.Flush();
        _output.WriteLine();
    }

    private void Write(IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
        {
            JsonSerializer.Serialize(_writer, new JsonFinding(
                f.RuleId, f.Rule.Name, f.Severity.ToName(), f.Message, f.Path,
                f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn)
            {
                Suppressed = f.Suppression is { } s ? new JsonSuppression(s.By.ToName(), s.Reason, s.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : null,
                Baselined = f.Suppression is null && f.Baselined ? true : null,
                Related = f.Related.Count == 0 ? null : f.Related.Select(r => new JsonRelated(
                    r.Path, r.Span.StartLine, r.Span.StartColumn, r.Span.EndLine, r.Span.EndColumn, r.Message)).ToArray(),
            }, JsonReportContext.Readable.JsonFinding);
        }

        _json.Flush();
    }
}

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

    /// <summary>The other places the finding points at; absent when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonRelated[]? Related { get; init; }
}

/// <summary>A related location: another document's line (or another place in the same one), with what it shows there.</summary>
internal sealed record JsonRelated(string Path, int Line, int Column, int EndLine, int EndColumn, string Message);

/// <summary>A run-level note: a rule that says once why it checked nothing.</summary>
internal sealed record JsonNote(string RuleId, string Message);

/// <summary>Which carrier hid the finding (<c>comment</c>, <c>metadata</c> or <c>config</c>), why, and until when (null: no expiry).</summary>
internal sealed record JsonSuppression(string By, string? Reason, string? Until);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(JsonSummary))]
[JsonSerializable(typeof(JsonFinding))]
[JsonSerializable(typeof(JsonNote[]))]
internal sealed partial class JsonReportContext : JsonSerializerContext
{
    /// <summary>Readable quotes and non-ASCII text (<see cref="ReadableJson"/>).</summary>
    public static JsonReportContext Readable { get; } = new(ReadableJson.IndentedOptions());
}
