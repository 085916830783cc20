namespace VirtLint.RuleLanguage.Diagnostics;

/// <summary>A problem in a rule file, as plain data: turned into a compiler diagnostic (or a loader error) only at output time.</summary>
public sealed record RuleDiagnostic(string Id, string Message, SourceRange Range);
