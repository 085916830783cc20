using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// GitLab Code Quality (a subset of the Code Climate issue format): an array of issues with <c>description</c>,
/// <c>check_name</c>, <c>fingerprint</c>, <c>severity</c> and <c>location.path</c> / <c>location.lines.begin</c>,
/// paths relative to the repository root. Severity: error → critical, warning → major, note → minor.
/// </summary>
/// <remarks>
/// GitLab matches issues across pipelines by fingerprint alone, so it must survive edits elsewhere in the file: it
/// hashes the rule, the path, the flagged line's content hash (GitHub's <c>primaryLocationLineHash</c>, which
/// ignores the line's number) and the message, never the line number itself.
/// </remarks>
internal sealed class GitLabFormatter : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var report = context.Report;
        var hashesByPath = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new GitLabIssue[report.Findings.Count];
        for (var i = 0; i < issues.Length; i++)
        {
            var finding = report.Findings[i];
            var path = context.Paths.RepositoryPath(finding.Path);
            var lineKey = LineKey(report, finding, hashesByPath);
            var fingerprint = Fingerprint($"{finding.RuleId}\0{path}\0{lineKey}\0{finding.Message}");

            // Two identical findings on identical lines still need distinct fingerprints: number the repeats.
            if (seen.TryGetValue(fingerprint, out var repeats))
            {
                seen[fingerprint] = repeats + 1;
                fingerprint = Fingerprint($"{finding.RuleId}\0{path}\0{lineKey}\0{finding.Message}\0{repeats + 1}");
            }
            else
            {
                seen[fingerprint] = 1;
            }

            issues[i] = new GitLabIssue(
                $"{finding.RuleId}: {finding.Message}",
                $"{finding.RuleId}/{finding.Rule.Name}",
                fingerprint,
                Severity(finding.Severity),
                new GitLabLocation(path, new GitLabLines(finding.Span.StartLine, finding.Span.EndLine)));
        }

        output.WriteLine(JsonSerializer.Serialize(issues, GitLabJsonContext.Readable.GitLabIssueArray));
    }

    public static string Severity(Severity severity) => severity switch
    {
        Core.Severity.Error => "critical",
        Core.Severity.Warning => "major",
        _ => "minor",
    };

    private static string LineKey(LintReport report, Finding finding, Dictionary<string, string[]> cache)
    {
        if (report.Sources.TryGetValue(finding.Path, out var source))
        {
            if (!cache.TryGetValue(finding.Path, out var hashes)) cache[finding.Path] = hashes = source.LineData(LineHashes.Compute);
            var line = finding.Span.StartLine;
            if (line >= 1 && line <= hashes.Length) return hashes[line - 1];
        }

        return "line " + finding.Span.StartLine;
    }

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
[JsonSerializable(typeof(GitLabIssue[]))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext
{
    /// <summary>As for the JSON report: readable quotes and non-ASCII text; the other settings repeat the attribute's.</summary>
    public static GitLabJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
