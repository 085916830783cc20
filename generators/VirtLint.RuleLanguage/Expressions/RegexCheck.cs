using System;
using System.Text.RegularExpressions;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>
/// Rejects, when a rule is compiled or loaded, patterns that the engine that runs them refuses. The pattern is built
/// with the non-backtracking engine itself, so the check and the engine cannot disagree: a named backreference
/// (<c>\k'a'</c>), a balancing group, a lookaround or an atomic group are errors, while an escaped backslash followed by
/// a digit (<c>\\1</c>) is an ordinary pattern.
/// </summary>
internal static class RegexCheck
{
    // RegexOptions.NonBacktracking (.NET 7+). This assembly targets netstandard2.0 so that the source generator can load
    // it; the compiler and the CLI both run on .NET 10, whose Regex accepts the flag.
    internal const RegexOptions NonBacktracking = (RegexOptions)0x0400;

    public static void Validate(string pattern, Token at)
    {
        try
        {
            _ = new Regex(pattern, NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException e)
        {
            throw new ExpressionException(DiagnosticIds.ExpressionType,
                $"the pattern uses a construct non-backtracking matching does not support (backreferences, lookarounds, atomic groups, balancing groups, conditionals): {e.Message}",
                at.Offset, at.Length);
        }
        catch (ArgumentException e)
        {
            throw new ExpressionException(DiagnosticIds.ExpressionType, $"invalid regular expression: {e.Message}", at.Offset, at.Length);
        }
    }
}
