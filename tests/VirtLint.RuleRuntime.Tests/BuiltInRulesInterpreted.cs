using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleRuntime;
using VirtLint.Rules;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>Every built-in rule file loaded through the run-time front end and evaluator instead of the generator.</summary>
internal static class BuiltInRulesInterpreted
{
    private static readonly Lazy<LoadedRules> Loaded = new(() =>
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Select(path => (RepositoryPaths.Relative(path), File.ReadAllText(path)))
            .ToList();
        return UserRules.Load(files, builtIn: null, RuleOrigin.BuiltIn);
    });

    public static LoadedRules Rules => Loaded.Value;

    /// <summary>
    /// The interpreted checkers with every built-in descriptor, so engine-reported rules (VL0001…) exist too, and the
    /// engine's own schema checkers (VL0010–VL0012), which have no rule-language check to interpret.
    /// </summary>
    public static RuleCatalog Catalog => new(BuiltInRules.Catalog.Rules, [.. Rules.Checkers, .. EngineCheckers]);

    /// <summary>The built-in checkers that are not compiled from a rule file's check.</summary>
    public static IEnumerable<RuleChecker> EngineCheckers => BuiltInRules.Catalog.Checkers.OfType<VirtLint.Core.Schema.SchemaChecker>();
}
