using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// GitLab Code Quality (a subset of the Code Climate issue format): an array of issues with <c>description</c>,
/// <c>check_name</c>, <c>fingerprint</c>, <c>severity</c> and <c>location.path</c> / <c>location.lines.begin</c>,
/// paths relative to the repository root. Severity: error → critical, warning → major, note → minor. Issues are
/// written as each file arrives.
/// </summary>
/// <remarks>
/// GitLab matches issues across pipelines by fingerprint alone, so it must survive edits elsewhere in the file: it
/// hashes the rule, the path, the flagged line's content hash (GitHub's <c>primaryLocationLineHash</c>, which
/// ignores the line's number) and the message, never the line number itself.
/// </remarks>
internal sealed class GitLabFormatter : IStreamingFormatter
{

    // Fingerprints hash the path, so repeats can only be within one path; files (and the run's late findings) arrive
    // in path order, so this is cleared whenever the path changes and holds one file's fingerprints at most.
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private string? _seenPath;
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
        _writer.WriteStartArray();
    }

    /// <summary>The file's issues, with line hashes from its text while it is at hand.</summary>
    public void OnFile(LintedFile file)
    {
        if (file.Findings.Count == 0) return;
        Write(file.Findings, file.Source?.LineData(LineHashes.Of));
    }

    public void End(LintSummary summary)
    {
        // Findings in no linted file (a config ignore's problem, in the config file) are known only now: they come last.
        Write(summary.Findings, null);
        _writer.WriteEndArray();
        _json.Flush();
        _output.WriteLine();
    }

    public static string Severity(Severity severity) => severity switch
    {
        Core.Severity.Error => "critical",
        Core.Severity.Warning => "major",
        _ => "minor",
    };

    private void Write(IReadOnlyList<Finding> findings, LineHash[]? hashes)
    {
        foreach (var finding in findings)
        {
            var path = _context.Paths.RepositoryPath(finding.Path);
            var lineKey = LineKey(hashes, finding);
            var fingerprint = Fingerprint($"{finding.RuleId}\0{path}\0{lineKey}\0{finding.Message}");
            if (!string.Equals(_seenPath, finding.Path, StringComparison.Ordinal))
            {
                _seen.Clear();
                _seenPath = finding.Path;
            }

            // Two identical findings on identical lines still need distinct fingerprints: number the repeats.
            if (_seen.TryGetValue(fingerprint, out var repeats))
            {
                _seen[fingerprint] = repeats + 1;
                fingerprint = Fingerprint($"{finding.RuleId}\0{path}\0{lineKey}\0{finding.Message}\0{repeats + 1}");
            }
            else
            {
                _seen[fingerprint] = 1;
            }

            JsonSerializer.Serialize(_writer, new GitLabIssue(
                $"{finding.RuleId}: {finding.Message}",
                $"{finding.RuleId}/{finding.Rule.Name}",
                fingerprint,
                Severity(finding.Severity),
                new GitLabLocation(path, new GitLabLines(finding.Span.StartLine, finding.Span.EndLine))), GitLabJsonContext.Readable.GitLabIssue);
        }

        _json.Flush();
    }

    private static string LineKey(LineHash[]? hashes, Finding finding) =>
        LineHashes.OfLine(hashes, finding.Span.StartLine) ?? "line " + finding.Span.StartLine;

    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
}

internal sealed record GitLabIssue(
    string Description,
    [property: JsonPropertyName("check_name")] string CheckName,
    string Fingerprint,
    string Severity,
    GitLabLocation Location);

internal sealed record GitLabLocation(string Path, GitLabLines Lines);

internal sealed record GitLabLines(int Begin, int End);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, NewLine = "\n")]
[JsonSerializable(typeof(GitLabIssue))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext
{
    /// <summary>As for the JSON report: readable quotes and non-ASCII text; the other settings repeat the attribute's.</summary>
    public static GitLabJsonContext Readable { get; } = new(ReadableJson.IndentedOptions());
}
