using System;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>An error at a character offset of an expression; the rule-file parser maps it into the file.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string diagnosticId, string message, int offset, int length)
        : base(message)
    {
        DiagnosticId = diagnosticId;
        Offset = offset;
        Length = Math.Max(1, length);
    }

    public string DiagnosticId { get; }
    public int Offset { get; }
    public int Length { get; }
}
