namespace VirtLint.Rules;

internal static class BuiltInRules
{
    public static VirtLint.Core.RuleCatalog Catalog => throw new NotSupportedException();
}
