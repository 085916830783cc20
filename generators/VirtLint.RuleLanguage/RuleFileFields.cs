using System.Collections.Generic;

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

    public static readonly string[] Severities = { "error", "warning", "note" };

    public static readonly string[] Categories = { "performance", "security", "reliability", "migration", "correctness" };

    public static readonly string[] Precisions = { "very-high", "high", "medium", "low" };

    /// <summary>Document kinds a rule can target; <c>workspace</c> rules check every document of a run together. <c>document</c> rules are reported by the engine itself and have no check.</summary>
    public static readonly string[] Targets = { "domain", "pool", "volume", "network", "workspace", "document" };

    /// <summary>The document kinds a workspace rule takes facts from and may require.</summary>
    public static readonly string[] FactKinds = { "domain", "pool", "volume", "network" };

    public static readonly string[] Fact = { "each", "values" };

    public static readonly string[] Related = { "nodes", "message" };

    public static readonly Dictionary<string, Expressions.ValueType> ParamTypes = new()
    {
        ["string"] = Expressions.ValueType.String,
        ["number"] = Expressions.ValueType.Number,
        ["integer"] = Expressions.ValueType.Number,
        ["boolean"] = Expressions.ValueType.Boolean,
        ["string-list"] = Expressions.ValueType.StringList,
    };
}
