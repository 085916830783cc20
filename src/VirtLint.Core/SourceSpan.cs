namespace VirtLint.Core;

/// <summary>
/// A region of a source file. Lines and columns are 1-based; <see cref="EndColumn"/> is one past the last
/// character, as SARIF regions expect.
/// </summary>
public readonly record struct SourceSpan(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan At(int line, int column) => new(line, column, line, column + 1);
}
