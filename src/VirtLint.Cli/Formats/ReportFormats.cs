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

    /// <summary>The formatter behind <paramref name="request"/>: every format is written as files arrive (see <see cref="IStreamingFormatter"/>).</summary>
    public static IStreamingFormatter Create(OutputRequest request, bool useColor = false, bool statistics = false) => request.Format switch
    {
        Json => new JsonFormatter(),
        Sarif => new SarifFormatter(),
        Auto or Text => new TextFormatter(useColor, statistics),
        Concise => new ConciseFormatter(statistics),
        Checkstyle => new CheckstyleFormatter(),
        Rdjsonl => new RdjsonlFormatter(),
        GitLab => new GitLabFormatter(),
        GitHub => new GitHubFormatter(request.WithSummary, statistics && request.WithSummary),
        JUnit => new JUnitFormatter(),
        _ => throw new ArgumentException($"Unknown format '{request.Format}'.", nameof(request)),
    };
}
