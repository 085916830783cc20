using Microsoft.CodeAnalysis;

namespace VirtLint.Generators.Tests;

/// <summary>
/// The generated C# for the rules in <c>TestRules/</c> is compared with committed baselines in <c>Baselines/</c>.
/// Set <c>VIRTLINT_UPDATE_BASELINES=1</c> to rewrite them (and delete baselines nothing produces any more).
/// </summary>
public sealed class GeneratorSnapshotTests
{
    private static bool Update => Environment.GetEnvironmentVariable("VIRTLINT_UPDATE_BASELINES") == "1";

    private static AdditionalText[] TestRuleFiles() =>
        Directory.GetFiles(GeneratorHarness.TestRulesFolder, "*.yaml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(GeneratorHarness.TestRulesFolder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new InMemoryAdditionalText("/repo/rules/" + p, GeneratorHarness.TestRule(p)))
            .ToArray();

    [Fact]
    public void Generated_code_matches_the_baselines()
    {
        var (_, result, output) = GeneratorHarness.Run(TestRuleFiles());
        Assert.Empty(result.Diagnostics);
        var generated = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(["BuiltInRules.g.cs", "VL0900.g.cs", "VL1900.g.cs", "VL1901.g.cs", "VL3900.g.cs", "VL4900.g.cs", "VL5900.g.cs"], generated.Keys.Order(StringComparer.Ordinal));

        var mismatches = new List<string>();
        foreach (var (hintName, text) in generated)
        {
            var baseline = Path.Combine(GeneratorHarness.BaselinesFolder, hintName);
            if (Update) File.WriteAllText(baseline, text);
            else if (!File.Exists(baseline) || File.ReadAllText(baseline) != text) mismatches.Add(hintName);
        }

        foreach (var stale in Directory.GetFiles(GeneratorHarness.BaselinesFolder).Where(f => !generated.ContainsKey(Path.GetFileName(f))))
        {
            if (Update) File.Delete(stale);
            else mismatches.Add(Path.GetFileName(stale) + " (stale baseline)");
        }

        Assert.True(mismatches.Count == 0, $"Generated code differs from the baselines: {string.Join(", ", mismatches)}. Review the change, then run with VIRTLINT_UPDATE_BASELINES=1.");
    }

    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var (_, _, output) = GeneratorHarness.Run(TestRuleFiles());
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        static string Render(GeneratorDriverRunResult r) =>
            string.Join("\n", r.Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));
        var first = GeneratorHarness.Run(TestRuleFiles()).Result;
        var second = GeneratorHarness.Run(TestRuleFiles().Reverse().ToArray()).Result;
        Assert.Equal(Render(first), Render(second));
    }
}
