using VirtLint.Core;
using VirtLint.Core.Schema;

namespace VirtLint.Rules;

/// <summary>
/// The rules that ship with VirtLint. <see cref="Descriptors"/> and <see cref="Checkers"/> are generated from <c>rules/</c>;
/// the catalog adds the engine's schema checks (VL0010–VL0012) over the tables generated from libvirt's schemas.
/// </summary>
public static partial class BuiltInRules
{
    private static RuleCatalog? s_catalog;

    /// <summary>The built-in catalog, built on first use (after the generated lists are initialised).</summary>
    public static RuleCatalog Catalog => s_catalog ??= new RuleCatalog(Descriptors, [.. Checkers, .. SchemaChecks.Create(Descriptors, LibvirtSchema.Models)]);
}
