using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>
/// A rule means the same compiled or interpreted: every built-in rule, run by the generated checkers and by the
/// run-time evaluator over every fixture and every corpus file, gives identical findings (rule, path, span, message,
/// severity).
/// </summary>
public sealed class EquivalenceTests
{
    [Fact]
    public void Every_built_in_rule_loads_at_run_time()
    {
        var rules = BuiltInRulesInterpreted.Rules;
        Assert.True(rules.Ok, string.Join("\n", rules.Errors));
        var compiled = BuiltInRules.Catalog.Checkers.Except(BuiltInRulesInterpreted.EngineCheckers).Select(c => c.Descriptor.Id);
        Assert.Equal(compiled, rules.Checkers.Select(c => c.Descriptor.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Interpreted_descriptors_equal_compiled_ones()
    {
        var compiled = BuiltInRules.Catalog.Rules.ToDictionary(r => r.Id);
        foreach (var descriptor in BuiltInRulesInterpreted.Rules.Descriptors)
        {
            var expected = compiled[descriptor.Id];
            Assert.Equal(Describe(expected), Describe(descriptor));
        }
    }

    [Fact]
    public void Fixtures_give_identical_findings()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 100, $"expected the rule fixtures, found {files.Count}");
        AssertSameFindings(files.Select(f => LintInput.FromBytes(RepositoryPaths.Relative(f), File.ReadAllBytes(f))).ToList());
    }

    [SkippableFact]
    public void Corpus_gives_identical_findings()
    {
        var corpus = RequiredCorpus.Folder();
        var (inputs, errors) = PathExpander.Expand([corpus]);
        Assert.Empty(errors);
        Assert.True(inputs.Count > 700, $"expected the whole corpus, found {inputs.Count} files");
        AssertSameFindings(inputs);
    }

    private static void AssertSameFindings(IReadOnlyList<LintInput> inputs)
    {
        var compiled = new Linter(BuiltInRules.Catalog).Lint(inputs).Findings.Select(Describe).ToList();
        var interpreted = new Linter(BuiltInRulesInterpreted.Catalog).Lint(inputs).Findings.Select(Describe).ToList();
        var onlyCompiled = compiled.Except(interpreted).Take(20).ToList();
        var onlyInterpreted = interpreted.Except(compiled).Take(20).ToList();
        Assert.True(onlyCompiled.Count == 0 && onlyInterpreted.Count == 0,
            $"compiled only:\n{string.Join("\n", onlyCompiled)}\ninterpreted only:\n{string.Join("\n", onlyInterpreted)}");
        Assert.Equal(compiled, interpreted);
        Assert.NotEmpty(compiled);
    }

    private static string Describe(Finding f) =>
        $"{f.Path}:{f.Span.StartLine}:{f.Span.StartColumn}-{f.Span.EndLine}:{f.Span.EndColumn} {f.Severity.ToName()} {f.RuleId} {f.Message}"
        + string.Concat(f.Related.Select(r => $" [see {r.Path}:{r.Span.StartLine}:{r.Span.StartColumn} {r.Message}]"));

    private static string Describe(RuleDescriptor r) =>
        string.Join("|", r.Id, r.Name, r.Title, r.DefaultSeverity, r.Category, string.Join(",", r.Tags), r.Target, r.Precision, r.SecuritySeverity,
            r.MessageTemplate, r.Docs.WhatItDoes, r.Docs.WhyIsThisBad, r.Docs.Example, r.Docs.UseInstead, string.Join(",", r.Docs.References),
            string.Join(",", r.Parameters), r.SourceFile,
            r.Scope is null ? "-" : $"{string.Join(",", r.Scope.Hypervisors)}/{string.Join(",", r.Scope.Architectures)}/{string.Join(",", r.Scope.Machines)}");
}
