using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleRuntime;

/// <summary>A parsed rule's descriptor, built field for field as the generator prints a compiled rule's.</summary>
public static class RuleDescriptors
{
    public static RuleDescriptor From(RuleSpec rule) => new(
        Id: rule.Id,
        Name: rule.Name,
        Title: rule.Title,
        DefaultSeverity: SeverityOf(rule.Severity),
        Category: rule.Category.NameOf(),
        Tags: rule.Tags.ToArray(),
        Target: rule.Target.NameOf(),
        Precision: rule.Precision.NameOf(),
        SecuritySeverity: RuleFileFields.SecuritySeverityText(rule.SecuritySeverity),
        MessageTemplate: rule.Message.Source,
        Docs: new RuleDocs(rule.Docs.WhatItDoes, rule.Docs.WhyIsThisBad, rule.Docs.Example, rule.Docs.UseInstead, rule.Docs.References.ToArray()),
        Parameters: rule.Parameters.Select(p => new RuleParameter(p.Name, p.DeclaredType.NameOf(), p.Default.Text, p.Description)).ToArray(),
        SourceFile: rule.SourcePath,
        Scope: rule.Scope is null ? null : new RuleScope(rule.Scope.Hypervisors.ToArray(), rule.Scope.Architectures.ToArray(), rule.Scope.Machines.ToArray()));

    /// <summary>The engine's document kind a check of <paramref name="target"/> runs on; engine-reported rules have none.</summary>
    public static DocumentKind KindOf(RuleTarget target) => target switch
    {
        RuleTarget.Domain => DocumentKind.Domain,
        RuleTarget.Pool => DocumentKind.Pool,
        RuleTarget.Volume => DocumentKind.Volume,
        RuleTarget.Network => DocumentKind.Network,
        RuleTarget.Workspace => DocumentKind.Workspace,
        _ => throw new ArgumentException($"'{target.NameOf()}' is not a document kind a check applies to", nameof(target)),
    };

    /// <summary>The engine's document kind named <paramref name="kind"/> (a fact's or a requirement's kind).</summary>
    public static DocumentKind KindOf(string kind) =>
        KindOf(DocumentKindTable.Named(kind)?.Target ?? throw new ArgumentException($"'{kind}' is not a document kind", nameof(kind)));

    private static Severity SeverityOf(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => Severity.Error,
        RuleSeverity.Warning => Severity.Warning,
        _ => Severity.Note,
    };
}
