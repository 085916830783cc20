using System;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage;

/// <summary>The fields of rule-file format v1 and their allowed values, in one place for the parser and the docs.</summary>
public static class RuleFileFields
{
    public static readonly string[] TopLevel =
    {
        "id", "name", "title", "severity", "category", "tags", "precision", "security-severity",
        "target", "scope", "params", "facts", "requires", "check", "related", "message", "docs",
    };

    public static readonly string[] Required = { "id", "name", "title", "severity", "category", "target", "docs" };

    public static readonly string[] Check = { "context", "let", "assert", "report", "location" };

    public static readonly string[] Param = { "type", "default", "description" };

    public static readonly string[] Docs = { "what-it-does", "why-is-this-bad", "example", "use-instead", "references" };

    public static readonly NameTable<RuleSeverity> Severities = new(("error", RuleSeverity.Error), ("warning", RuleSeverity.Warning), ("note", RuleSeverity.Note));

    public static readonly NameTable<RuleCategory> Categories = new(
        ("performance", RuleCategory.Performance), ("security", RuleCategory.Security), ("reliability", RuleCategory.Reliability),
        ("migration", RuleCategory.Migration), ("correctness", RuleCategory.Correctness));

    public static readonly NameTable<RulePrecision> Precisions = new(
        ("very-high", RulePrecision.VeryHigh), ("high", RulePrecision.High), ("medium", RulePrecision.Medium), ("low", RulePrecision.Low));

    /// <summary>What a rule can target (<see cref="DocumentKindTable"/>); <c>workspace</c> rules check every document of a run together. <c>document</c> rules are reported by the engine itself and have no check.</summary>
    public static readonly NameTable<RuleTarget> Targets = new(Array.ConvertAll(DocumentKindTable.All, k => (k.Name, k.Target)));

    public static readonly string[] Fact = { "each", "values" };

    public static readonly string[] Related = { "nodes", "message" };

    public static readonly NameTable<ParamType> ParamTypes = new(
        ("string", ParamType.String), ("number", ParamType.Number), ("integer", ParamType.Integer), ("boolean", ParamType.Boolean),
        ("string-list", ParamType.StringList));

    public static string NameOf(this RuleSeverity severity) => Severities.NameOf(severity);

    public static string NameOf(this RuleCategory category) => Categories.NameOf(category);

    public static string NameOf(this RulePrecision precision) => Precisions.NameOf(precision);

    public static string NameOf(this RuleTarget target) => DocumentKindTable.Of(target).Name;

    public static string NameOf(this ParamType type) => ParamTypes.NameOf(type);

    /// <summary>A <c>security-severity</c> score as reports print it, with one decimal (SARIF's property is a string).</summary>
    public static string? SecuritySeverityText(double? score) => score?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
