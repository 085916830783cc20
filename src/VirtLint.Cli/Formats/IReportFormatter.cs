using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>Renders a whole report; one implementation per <c>--format</c> value.</summary>
internal interface IReportFormatter
{
    void Write(LintReport report, TextWriter output);
}

/// <summary>The names accepted by <c>--format</c>.</summary>
internal static class ReportFormats
{
    public const string Text = "text";
    public const string Json = "json";
    public const string Sarif = "sarif";

    public static readonly string[] Names = [Text, Json, Sarif];
}
