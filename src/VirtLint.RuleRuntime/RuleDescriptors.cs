using VirtLint.Core;
using VirtLint.RuleLanguage.Model;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime;

/// <summary>A parsed rule's descriptor, built field for field as the generator prints a compiled rule's.</summary>
public static class RuleDescriptors
{
    public static RuleDescriptor From(RuleSpec rule) => new(
        Id: rule.Id,
        Name: rule.Name,
        Title: rule.Title,
        DefaultSeverity: SeverityNames.TryParse(rule.Severity, out var severity) ? severity : throw new ArgumentException($"unknown severity '{rule.Severity}'"),
        Category: rule.Category,
        Tags: rule.Tags.ToArray(),
        Target: rule.Target,
        Precision: rule.Precision,
        SecuritySeverity: rule.SecuritySeverity,
        MessageTemplate: rule.Message.Source,
        Docs: new RuleDocs(rule.Docs.WhatItDoes, rule.Docs.WhyIsThisBad, rule.Docs.Example, rule.Docs.UseInstead, rule.Docs.References.ToArray()),
        Parameters: rule.Parameters.Select(p => new RuleParameter(p.Name, ParamTypeName(p), p.DefaultText, p.Description)).ToArray(),
        SourceFile: rule.SourcePath,
        Scope: rule.Scope is null ? null : new RuleScope(rule.Scope.Hypervisors.ToArray(), rule.Scope.Architectures.ToArray(), rule.Scope.Machines.ToArray()));

    public static DocumentKind KindOf(string target) =>
        target == "workspace" ? DocumentKind.Workspace : DocumentKinds.FromRootElement(target) ?? throw new ArgumentException($"'{target}' is not a document kind a check applies to");

    private static string ParamTypeName(ParamSpec parameter) => parameter.Type switch
    {
        ValueType.StringList => "string-list",
        ValueType.Number => parameter.IsInteger ? "integer" : "number",
        ValueType.Boolean => "boolean",
        _ => "string",
    };
}
