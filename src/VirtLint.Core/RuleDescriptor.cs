namespace VirtLint.Core;

/// <summary>
/// Everything a user or a report needs to know about a rule, independent of how it is checked. <see cref="Scope"/> is
/// where a domain rule applies (null when the rule states none: it checks every document of its target).
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    Severity DefaultSeverity,
    string Category,
    IReadOnlyList<string> Tags,
    string Target,
    string Precision,
    string? SecuritySeverity,
    string MessageTemplate,
    RuleDocs Docs,
    IReadOnlyList<RuleParameter> Parameters,
    string SourceFile,
    RuleScope? Scope = null)
{
    /// <summary>The rule name in PascalCase, as SARIF's <c>reportingDescriptor.name</c> wants it.</summary>
    public string PascalName => string.Concat(Name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}

/// <summary>The fixed documentation sections every rule carries.</summary>
public sealed record RuleDocs(
    string WhatItDoes,
    string WhyIsThisBad,
    string Example,
    string UseInstead,
    IReadOnlyList<string> References);

/// <summary>A named, typed rule parameter with its default, rendered as text.</summary>
public sealed record RuleParameter(string Name, string Type, string DefaultValue, string Description);
