using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage;

/// <summary>A parsed rule (null when the file has errors) and the diagnostics found in the file.</summary>
public sealed record RuleParseResult(string Path, RuleSpec? Rule, EquatableArray<RuleDiagnostic> Diagnostics);
