namespace VirtLint.RuleLanguage.Diagnostics;

/// <summary>A 1-based region of a rule file; <see cref="EndColumn"/> is one past the last character.</summary>
public readonly record struct SourceRange(int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceRange At(int line, int column, int length = 1) => new(line, column, line, column + length);
}
