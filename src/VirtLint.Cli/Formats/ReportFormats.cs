using VirtLint.Cli.Output;

namespace VirtLint.Cli.Formats;

/// <summary>The names accepted by <c>--format</c>, and the formatter behind each.</summary>
internal static class ReportFormats
{
    /// <summary>GitHub annotations plus the summary under GitHub Actions (<c>GITHUB_ACTIONS=true</c>), else <see cref="Text"/>.</summary>
    public const string Auto = "auto";
    public const string Text = "text";
    public const string Concise = "concise";
    public const string Json = "json";
    public const string Sarif = "sarif";
    public const string GitHub = "github";
    public const string JUnit = "junit";
    public const string GitLab = "gitlab";
    public const string Checkstyle = "checkstyle";
    public const string Rdjsonl = "rdjsonl";

    public static readonly string[] Names = [Auto, Text, Concise, Json, Sarif, GitHub, JUnit, GitLab, Checkstyle, Rdjsonl];

    /// <summary>True when <paramref name="request"/> on standard output is itself the human report, summary included.</summary>
    public static bool IsHuman(OutputRequest request) => request.Format is Text or Concise || request.WithSummary;

    /// <summary>The formats written as files arrive (see <see cref="IStreamingFormatter"/>); the others are written after the run.</summary>
    public static IStreamingFormatter? CreateStreaming(OutputRequest request) => request.Format switch
    {
        Json => new JsonFormatter(),
        Sarif => new SarifFormatter(),
        _ => null,
    };

    /// <summary>True when the format, written after the run, shows or hashes file lines (so the run keeps the bytes of files with findings).</summary>
    public static bool NeedsSources(OutputRequest request) => request.Format is Auto or Text or GitLab or Rdjsonl;

    public static IReportFormatter Create(OutputRequest request, bool useColor, bool statistics) => request.Format switch
    {
        Concise => new ConciseFormatter(statistics),
        GitHub => new GitHubFormatter(request.WithSummary, statistics && request.WithSummary),
        JUnit => new JUnitFormatter(),
        GitLab => new GitLabFormatter(),
        Checkstyle => new CheckstyleFormatter(),
        Rdjsonl => new RdjsonlFormatter(),
        _ => new TextFormatter(useColor, statistics),
    };
}
