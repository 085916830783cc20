using VirtLint.Core.Schema;

namespace VirtLint.Core.Tests.Schema;

/// <summary>The three schema rules as test descriptors, and their checkers over the small hand-written domain model.</summary>
internal static class SchemaTestRules
{
    public static readonly RuleDescriptor UnknownElement = TestCatalog.Rule(SchemaChecks.UnknownElementId, "unknown-element", Severity.Error, "document");
    public static readonly RuleDescriptor UnknownAttribute = TestCatalog.Rule(SchemaChecks.UnknownAttributeId, "unknown-attribute", Severity.Error, "document");
    public static readonly RuleDescriptor BadValue = TestCatalog.Rule(SchemaChecks.ValueNotInEnumerationId, "value-not-in-enumeration", Severity.Error, "document");

    /// <summary>A checker for each of <paramref name="rules"/> over <see cref="SchemaTables.Domain"/>.</summary>
    public static RuleChecker[] Checkers(params RuleDescriptor[] rules) =>
        [.. SchemaChecks.Create(rules, new Dictionary<DocumentKind, Func<SchemaModel>> { [DocumentKind.Domain] = () => SchemaTables.Domain })];
}
