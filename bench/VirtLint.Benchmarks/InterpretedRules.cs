using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleRuntime;

namespace VirtLint.Benchmarks;

/// <summary>The built-in rule files (<c>rules/</c>), loaded at run time for the evaluator as user rules are.</summary>
internal static class InterpretedRules
{
    public static IReadOnlyList<RuleChecker> Load()
    {
        var rules = Path.Combine(BenchmarkPaths.Root, "rules");
        var files = Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))).ToList();
        var loaded = UserRules.Load(files, builtIn: null, RuleOrigin.BuiltIn);
        if (!loaded.Ok) throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        return loaded.Checkers;
    }
}
