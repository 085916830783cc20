using Microsoft.CodeAnalysis;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.Generators;

/// <summary>The generator's diagnostics. Every one is an error: a rule that cannot be compiled must not ship silently.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "VirtLint.Rules";

    public static readonly DiagnosticDescriptor InvalidYaml = Create(DiagnosticIds.InvalidYaml, "Rule file is not valid YAML");
    public static readonly DiagnosticDescriptor UnknownField = Create(DiagnosticIds.UnknownField, "Unknown field in rule file");
    public static readonly DiagnosticDescriptor MissingField = Create(DiagnosticIds.MissingField, "Missing required field in rule file");
    public static readonly DiagnosticDescriptor InvalidValue = Create(DiagnosticIds.InvalidValue, "Invalid value in rule file");
    public static readonly DiagnosticDescriptor ExpressionSyntax = Create(DiagnosticIds.ExpressionSyntax, "Rule expression does not parse");
    public static readonly DiagnosticDescriptor ExpressionType = Create(DiagnosticIds.ExpressionType, "Rule expression is ill-typed");
    public static readonly DiagnosticDescriptor DuplicateId = Create(DiagnosticIds.DuplicateId, "Duplicate rule id");
    public static readonly DiagnosticDescriptor UnknownVariable = Create(DiagnosticIds.UnknownVariable, "Unknown variable in rule expression");
    public static readonly DiagnosticDescriptor DuplicateName = Create(DiagnosticIds.DuplicateName, "Duplicate rule name");
    public static readonly DiagnosticDescriptor UnknownSchemaName = Create(DiagnosticIds.UnknownSchemaName, "Name not defined by libvirt's schema");
    public static readonly DiagnosticDescriptor MessageStyle = Create(DiagnosticIds.MessageStyle, "Rule message breaks the message style");
    public static readonly DiagnosticDescriptor SeverityNotExplained = Create(DiagnosticIds.SeverityNotExplained, "Rule docs do not explain its severity");
    public static readonly DiagnosticDescriptor IdOutOfRange = Create(DiagnosticIds.IdOutOfRange, "Rule id outside its range");
    public static readonly DiagnosticDescriptor FileNotNamedAfterRule = Create(DiagnosticIds.FileNotNamedAfterRule, "Rule file not named after its rule");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        DiagnosticIds.InvalidYaml => InvalidYaml,
        DiagnosticIds.UnknownField => UnknownField,
        DiagnosticIds.MissingField => MissingField,
        DiagnosticIds.InvalidValue => InvalidValue,
        DiagnosticIds.ExpressionSyntax => ExpressionSyntax,
        DiagnosticIds.ExpressionType => ExpressionType,
        DiagnosticIds.DuplicateId => DuplicateId,
        DiagnosticIds.UnknownVariable => UnknownVariable,
        DiagnosticIds.DuplicateName => DuplicateName,
        DiagnosticIds.MessageStyle => MessageStyle,
        DiagnosticIds.SeverityNotExplained => SeverityNotExplained,
        DiagnosticIds.IdOutOfRange => IdOutOfRange,
        DiagnosticIds.FileNotNamedAfterRule => FileNotNamedAfterRule,
        _ => UnknownSchemaName,
    };

    private static DiagnosticDescriptor Create(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
