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

    /// <summary>The interpreted checkers with every built-in descriptor, so engine-reported rules (VL0001…) exist too.</summary>
    public static RuleCatalog Catalog => new(BuiltInRules.Catalog.Rules, Rules.Checkers);
}
