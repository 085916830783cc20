using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// reviewdog's Diagnostic Format as JSON Lines (<c>reviewdog -f=rdjsonl</c>): one diagnostic per line, with the
/// rule as its code and a link to the rule's page. reviewdog counts columns in UTF-8 bytes, so columns are
/// converted from VirtLint's UTF-16 ones using the source line (for related locations too when they are in the same
/// file; in another file, whose text is not at hand, and for late findings, the UTF-16 columns are kept).
/// </summary>
internal sealed class RdjsonlFormatter : IStreamingFormatter
{
    private static readonly RdSource Source = new("VirtLint", ProjectLinks.Repository);
    private TextWriter _output = null!;

    public void Begin(ReportContext context, TextWriter output) => _output = output;

    /// <summary>The file's diagnostics, with byte columns counted in its text while it is at hand.</summary>
    public void OnFile(LintedFile file)
    {
        if (file.Findings.Count == 0) return;
        Write(file.Findings, file.Source is { } source ? new Utf8Columns(source.Text) : null);
    }

    /// <summary>Findings in no linted file (a config ignore's problem, in the config file) come last, columns as they are.</summary>
    public void End(LintSummary summary) => Write(summary.Findings, null);

    private void Write(IReadOnlyList<Finding> findings, Utf8Columns? file)
    {
        foreach (var finding in findings)
        {
            var span = finding.Span;
            var range = Range(span, file);
            var diagnostic = new RdDiagnostic(
                finding.Message,
                new RdLocation(finding.Path, range),
                Severity(finding.Severity),
                Source,
                new RdCode(finding.RuleId, ProjectLinks.RuleDocs(finding.RuleId)))
            {
                RelatedLocations = finding.Related.Count == 0 ? null : finding.Related.Select(r => new RdRelatedLocation(
                    r.Message, new RdLocation(r.Path, Range(r.Span, r.Path == finding.Path ? file : null)))).ToArray(),
            };
            _output.WriteLine(JsonSerializer.Serialize(diagnostic, RdJsonContext.Compact.RdDiagnostic));
        }
    }

    /// <summary>A range in byte columns when the file's text is at hand; otherwise its UTF-16 columns as they are (the same for ASCII lines).</summary>
    private static RdRange Range(SourceSpan span, Utf8Columns? file) => new(
        new RdPosition(span.StartLine, file?.ByteColumn(span.StartLine, span.StartColumn) ?? span.StartColumn),
        new RdPosition(span.EndLine, file?.ByteColumn(span.EndLine, span.EndColumn) ?? span.EndColumn));

    public static string Severity(Severity severity) => severity switch
    {
        Core.Severity.Error => "ERROR",
        Core.Severity.Warning => "WARNING",
        _ => "INFO",
    };
}

/// <summary>
/// Converts UTF-16 columns to UTF-8 byte columns in time linear in the text, however many findings share a long
/// line: each line with findings gets the byte count at every <see cref="Step"/>th character once, and a lookup
/// counts at most <see cref="Step"/> characters from there.
/// </summary>
internal sealed class Utf8Columns(string text)
{
    private const int Step = 64;

    private readonly int[] _lineStarts = SourceText.LineStarts(text);
    private readonly Dictionary<int, int[]> _checkpoints = [];

    /// <summary>The 1-based UTF-8 byte column of the 1-based UTF-16 <paramref name="column"/> on <paramref name="line"/>.</summary>
    public int ByteColumn(int line, int column)
    {
        if (line < 1 || line > _lineStarts.Length) return column;
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : text.Length;
        var offset = Math.Clamp(column - 1, 0, end - start);

        if (!_checkpoints.TryGetValue(line, out var checkpoints))
        {
            checkpoints = new int[((end - start) / Step) + 1];
            for (var i = 1; i < checkpoints.Length; i++)
                checkpoints[i] = checkpoints[i - 1] + Utf8Length(text.AsSpan(start + ((i - 1) * Step), Step));
            _checkpoints[line] = checkpoints;
        }

        var index = offset / Step;
        return checkpoints[index] + Utf8Length(text.AsSpan(start + (index * Step), offset - (index * Step))) + 1;
    }

    // UTF-8 length counted per UTF-16 unit, so a surrogate pair split across two steps still counts 4 bytes (2 + 2).
    private static int Utf8Length(ReadOnlySpan<char> chars)
    {
        var bytes = 0;
        foreach (var c in chars)
            bytes += c < 0x80 ? 1 : c < 0x800 || char.IsSurrogate(c) ? 2 : 3;
        return bytes;
    }
}

internal sealed record RdDiagnostic(string Message, RdLocation Location, string Severity, RdSource Source, RdCode Code)
{
    /// <summary>reviewdog's <c>related_locations</c>; absent when the finding has none.</summary>
    [JsonPropertyName("related_locations")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RdRelatedLocation[]? RelatedLocations { get; init; }
}

internal sealed record RdRelatedLocation(string Message, RdLocation Location);

internal sealed record RdLocation(string Path, RdRange Range);

internal sealed record RdRange(RdPosition Start, RdPosition End);

internal sealed record RdPosition(int Line, int Column);

internal sealed record RdSource(string Name, string Url);

internal sealed record RdCode(string Value, string Url);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RdDiagnostic))]
internal sealed partial class RdJsonContext : JsonSerializerContext
{
    /// <summary>One line per diagnostic, with readable quotes and non-ASCII text; the other settings repeat the attribute's.</summary>
    public static RdJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
