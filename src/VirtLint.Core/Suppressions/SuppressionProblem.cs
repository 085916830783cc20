using System.Xml.Linq;
using VirtLint.Core.Configuration;

namespace VirtLint.Core.Suppressions;

/// <summary>
/// A problem with a suppression in a document, to be reported as a finding of <see cref="RuleId"/> (one of
/// <see cref="SuppressionRules"/>). <see cref="Node"/> is the comment, the <c>vl:suppress</c> element or one of its
/// attributes; <see cref="Span"/>, when set, is the exact token inside a comment (otherwise the engine uses the
/// node's own span).
/// </summary>
public sealed record SuppressionProblem(string RuleId, string Message, XObject Node, SourceSpan? Span);

/// <summary>A problem with a config <c>ignores:</c> entry, reported as a finding in the config file at the entry.</summary>
public sealed record ConfigIgnoreProblem(string RuleId, string Message, ConfigIgnore Ignore);
