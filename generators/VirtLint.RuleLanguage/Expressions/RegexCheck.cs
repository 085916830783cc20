using System;
using System.Text.RegularExpressions;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>Rejects, at build time, patterns that do not compile or that the non-backtracking engine cannot run.</summary>
internal static class RegexCheck
{
    public static void Validate(string pattern, Token at)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new ExpressionException(DiagnosticIds.ExpressionType, $"invalid regular expression: {e.Message}", at.Offset, at.Length);
        }

        // Constructs the non-backtracking engine refuses: backreferences, lookarounds, atomic groups, conditionals.
        if (Regex.IsMatch(pattern, @"\\[1-9]|\\k<|\(\?(=|!|<=|<!|>|\()"))
            throw new ExpressionException(DiagnosticIds.ExpressionType,
                "the pattern uses a backreference, lookaround, atomic group or conditional, which non-backtracking matching does not support",
                at.Offset, at.Length);
    }
}
