namespace VirtLint.Generators.Model;

/// <summary>The small projection of a rule the registry needs, so editing a rule's check does not rebuild the registry's input.</summary>
internal sealed record RegistryEntry(
    string Id,
    string Name,
    string ClassName,
    bool HasChecker,
    DiagnosticInfo IdLocation,
    DiagnosticInfo NameLocation);
