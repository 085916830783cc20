using VirtLint.Core;

namespace VirtLint.Rules;

/// <summary>The rules that ship with VirtLint. <see cref="Descriptors"/> and <see cref="Checkers"/> are generated from <c>rules/</c>.</summary>
public static partial class BuiltInRules
{
    private static RuleCatalog? s_catalog;

    /// <summary>The built-in catalog, built on first use (after the generated lists are initialised).</summary>
    public static RuleCatalog Catalog => s_catalog ??= new RuleCatalog(Descriptors, Checkers);
}
