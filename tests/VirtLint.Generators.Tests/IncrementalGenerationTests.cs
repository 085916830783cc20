using Microsoft.CodeAnalysis;

namespace VirtLint.Generators.Tests;

/// <summary>Editing one rule file re-parses only that file; the registry's input is untouched unless an id or name changes.</summary>
public sealed class IncrementalGenerationTests
{
    private static readonly InMemoryAdditionalText RuleA = new("/repo/rules/domain/nic-model-missing.yaml", GeneratorHarness.TestRule("domain/nic-model-missing.yaml"));
    private static readonly InMemoryAdditionalText RuleB = new("/repo/rules/volume/volume-nearly-full.yaml", GeneratorHarness.TestRule("volume/volume-nearly-full.yaml"));

    [Fact]
    public void Editing_one_rule_leaves_the_other_rules_steps_cached()
    {
        var driver = GeneratorHarness.CreateDriver(RuleA, RuleB).RunGenerators(GeneratorHarness.NewCompilation());
        var edited = new InMemoryAdditionalText(RuleB.Path, RuleB.GetText().ToString().Replace("Thin volume is nearly full", "Thin volume is almost full"));
        driver = driver.ReplaceAdditionalText(RuleB, edited).RunGenerators(GeneratorHarness.NewCompilation());

        var run = driver.GetRunResult().Results.Single();
        var parsed = Outputs(run, TrackingNames.ParsedRule);
        Assert.Equal("Cached", parsed.Single(o => Path(o.Value) == "rules/domain/nic-model-missing.yaml").Reason.ToString());
        Assert.Equal("Modified", parsed.Single(o => Path(o.Value) == "rules/volume/volume-nearly-full.yaml").Reason.ToString());

        // The title is not part of the registry projection, so the registry is not rebuilt.
        Assert.All(Outputs(run, TrackingNames.RegistryEntry), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(Outputs(run, TrackingNames.Registry), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Running_again_without_changes_caches_every_step()
    {
        var driver = GeneratorHarness.CreateDriver(RuleA, RuleB).RunGenerators(GeneratorHarness.NewCompilation());
        driver = driver.RunGenerators(GeneratorHarness.NewCompilation());
        var run = driver.GetRunResult().Results.Single();
        foreach (var step in new[] { TrackingNames.RuleFileText, TrackingNames.ParsedRule, TrackingNames.RegistryEntry, TrackingNames.Registry })
            Assert.All(Outputs(run, step), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Models_hold_no_roslyn_objects()
    {
        var driver = GeneratorHarness.CreateDriver(RuleA, RuleB).RunGenerators(GeneratorHarness.NewCompilation());
        var run = driver.GetRunResult().Results.Single();
        var ours = new[] { TrackingNames.Vocabulary, TrackingNames.RuleFileText, TrackingNames.ParsedRule, TrackingNames.RegistryEntry, TrackingNames.Registry };
        foreach (var step in ours.SelectMany(name => run.TrackedSteps[name]))
            foreach (var (value, _) in step.Outputs)
                Assert.False(value.GetType().FullName!.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal), $"{step.Name}: {value.GetType().FullName}");
    }

    private static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string step) =>
        run.TrackedSteps[step].SelectMany(s => s.Outputs);

    private static string Path(object value) => value.GetType().GetProperty("RelativePath")!.GetValue(value)!.ToString()!;
}
