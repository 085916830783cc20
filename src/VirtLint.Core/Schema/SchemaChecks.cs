namespace VirtLint.Core.Schema;

/// <summary>The schema checks (VL0010–VL0012) as checkers: one per rule and document kind that has a model.</summary>
public static class SchemaChecks
{
    public const string UnknownElementId = "VL0010";
    public const string UnknownAttributeId = "VL0011";
    public const string ValueNotInEnumerationId = "VL0012";

    /// <summary>
    /// Checkers for each schema rule present in <paramref name="rules"/> and each kind in <paramref name="models"/>.
    /// The models are obtained on first use, so a run that sees no network document never builds the network tables.
    /// </summary>
    public static IEnumerable<RuleChecker> Create(IEnumerable<RuleDescriptor> rules, IReadOnlyDictionary<DocumentKind, Func<SchemaModel>> models)
    {
        var byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        (string Id, SchemaAspect Aspect)[] aspects =
        [
            (UnknownElementId, SchemaAspect.UnknownElement),
            (UnknownAttributeId, SchemaAspect.UnknownAttribute),
            (ValueNotInEnumerationId, SchemaAspect.ValueNotInEnumeration),
        ];
        foreach (var (kind, model) in models.OrderBy(m => m.Key))
        {
            foreach (var (id, aspect) in aspects)
            {
                if (byId.TryGetValue(id, out var rule))
                    yield return new SchemaChecker(rule, kind, aspect, model);
            }
        }
    }
}
