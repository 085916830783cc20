namespace VirtLint.RuleRuntime;

/// <summary>A problem in a user rule file, printed as <c>file:line:col: error VLGxxxx: message</c> like the build prints built-in rules' errors.</summary>
public sealed record RuleFileError(string Path, int Line, int Column, string Id, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: error {Id}: {Message}";
}
