using VirtLint.Cli.Formats;

namespace VirtLint.Cli.Output;

/// <summary>One report to write: a format and its file, or standard output when <see cref="Path"/> is null.</summary>
/// <param name="WithSummary">GitHub annotations followed by the human summary: what <c>auto</c> means under GitHub Actions.</param>
internal sealed record OutputRequest(string Format, string? Path, bool WithSummary = false)
{
    public bool ToStdout => Path is null;
}

/// <summary>
/// Turns <c>-f FMT[=PATH]</c> (repeatable) and <c>--output PATH</c> into the reports to write. <c>--output</c> is the
/// path of the one format given without its own; <c>-</c> means standard output, and at most one report may go there.
/// </summary>
internal static class OutputPlan
{
    public const string StandardOutput = "-";

    public static bool TryCreate(
        IReadOnlyList<string> specs, string? output, bool underGitHubActions, out IReadOnlyList<OutputRequest> requests, out string error)
    {
        requests = [];
        var parsed = new List<(string Format, string? Path)>();
        foreach (var spec in specs.Count == 0 ? [ReportFormats.Auto] : specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var format = equals < 0 ? spec : spec[..equals];
            var path = equals < 0 ? null : spec[(equals + 1)..];
            if (!ReportFormats.Names.Contains(format, StringComparer.Ordinal))
            {
                error = $"unknown format '{format}' in '--format {spec}'; expected one of: {string.Join(", ", ReportFormats.Names)}.";
                return false;
            }

            if (path is { Length: 0 })
            {
                error = $"'--format {spec}' names no file; write '{format}=PATH', or '{format}=-' for standard output.";
                return false;
            }

            parsed.Add((format, path));
        }

        if (output is not null)
        {
            if (output.Length == 0)
            {
                error = "--output names no file.";
                return false;
            }

            var pathless = parsed.Select((p, i) => (p, i)).Where(x => x.p.Path is null).ToArray();
            if (pathless.Length != 1)
            {
                error = pathless.Length == 0
                    ? "--output has no format to write: every --format already names its own file."
                    : $"--output names one file, but {pathless.Length} formats have no file of their own; write them as -f FORMAT=PATH.";
                return false;
            }

            parsed[pathless[0].i] = (pathless[0].p.Format, output);
        }

        var result = new List<OutputRequest>(parsed.Count);
        foreach (var (format, path) in parsed)
        {
            var toStdout = path is null or StandardOutput;
            var resolved = format != ReportFormats.Auto ? format : toStdout && underGitHubActions ? ReportFormats.GitHub : ReportFormats.Text;
            result.Add(new OutputRequest(resolved, toStdout ? null : path, WithSummary: format == ReportFormats.Auto && resolved == ReportFormats.GitHub));
        }

        if (result.Count(r => r.ToStdout) > 1)
        {
            error = "only one format can write to standard output; give the others a file, as in -f sarif=virtlint.sarif.";
            return false;
        }

        var duplicate = result.Where(r => !r.ToStdout).GroupBy(r => r.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error = $"two formats would write the same file '{duplicate.Key}'.";
            return false;
        }

        requests = result;
        error = "";
        return true;
    }
}
