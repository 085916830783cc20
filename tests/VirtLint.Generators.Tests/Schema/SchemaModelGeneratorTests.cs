using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VirtLint.Core;
using VirtLint.Core.Schema;
using VirtLint.Generators.Schema;

namespace VirtLint.Generators.Tests.Schema;

/// <summary>
/// The schema-model generator: its output for a small model (compared with <c>Baselines/Schema/</c>; rewrite with
/// <c>VIRTLINT_UPDATE_BASELINES=1</c>), that the output compiles and loads as working tables, its located errors, and
/// that it is cached apart from the rules.
/// </summary>
public sealed class SchemaModelGeneratorTests
{
    private const string ModelPath = "/repo/generators/libvirt-schema-model.txt";
    private const string HintName = "LibvirtSchema.g.cs";

    private static string TestModel => File.ReadAllText(Path.Combine(GeneratorHarness.ProjectFolder, "Schema", "test-schema-model.txt"));

    private static string Baseline => Path.Combine(GeneratorHarness.BaselinesFolder, "Schema", HintName);

    /// <summary>A driver with the schema-model generator, and the rule generator too when <paramref name="withRules"/>.</summary>
    private static GeneratorDriver Driver(bool withRules, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            withRules ? [new SchemaModelGenerator().AsSourceGenerator(), new RuleGenerator().AsSourceGenerator()] : [new SchemaModelGenerator().AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static (GeneratorRunResult Result, Compilation Output) Run(string modelText)
    {
        var driver = Driver(false, new InMemoryAdditionalText(ModelPath, modelText)).RunGeneratorsAndUpdateCompilation(GeneratorHarness.NewCompilation(), out var output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    [Fact]
    public void Generated_tables_match_the_baseline()
    {
        var (result, _) = Run(TestModel);
        Assert.Empty(result.Diagnostics);
        var source = result.GeneratedSources.Single();
        Assert.Equal(HintName, source.HintName);
        var text = source.SourceText.ToString();
        if (Environment.GetEnvironmentVariable("VIRTLINT_UPDATE_BASELINES") == "1") File.WriteAllText(Baseline, text);
        Assert.True(File.Exists(Baseline) && File.ReadAllText(Baseline) == text,
            "The generated tables differ from Baselines/Schema/LibvirtSchema.g.cs. Review the change, then run with VIRTLINT_UPDATE_BASELINES=1.");
    }

    [Fact]
    public void Generated_tables_compile_without_warnings_and_load_as_working_models()
    {
        var (_, output) = Run(TestModel);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var models = (IReadOnlyDictionary<DocumentKind, Func<SchemaModel>>)Assembly.Load(image.ToArray())
            .GetType("VirtLint.Rules.LibvirtSchema")!.GetProperty("Models")!.GetValue(null)!;
        Assert.Equal([DocumentKind.Domain, DocumentKind.Network], models.Keys.Order());

        var domain = models[DocumentKind.Domain]();
        Assert.True(domain.TryGetChild(SchemaModel.DocumentContext, "domain", out var root));
        Assert.True(domain.TryGetChild(root, "devices", out var devices));
        Assert.True(domain.TryGetChild(devices, "disk", out var disk));
        Assert.Equal("domain/devices/disk[@type='file']", domain.ContextName(domain.Narrow(disk, "file")));
        Assert.Equal("domain/devices/disk[@type='file']", domain.ContextName(domain.Narrow(disk, null)));
        Assert.Equal(disk, domain.Narrow(disk, "network"));
        Assert.True(domain.TryGetChild(disk, "target", out var target));
        Assert.True(domain.TryGetAttribute(target, "bus", out var buses) && domain.Contains(buses, "virtio") && !domain.Contains(buses, "sata"));
        Assert.True(domain.TryGetAttribute(target, "dev", out var devValues) && devValues == SchemaModel.None);
        Assert.True(domain.TryGetChild(root, "metadata", out var metadata) && domain.AllowsAnyChild(metadata));
        Assert.True(domain.TryGetChild(root, "on_crash", out var onCrash));
        Assert.Equal(["destroy", "restart now"], domain.Values(domain.TextValueSet(onCrash)));

        var network = models[DocumentKind.Network]();
        Assert.True(network.TryGetChild(SchemaModel.DocumentContext, "network", out var networkRoot) && network.AllowsAnyAttribute(networkRoot));
    }

    public static TheoryData<string, string, int> Malformed => new()
    {
        { "context /\n", "a line before any [kind] section", 1 },
        { "[domain]\ncontext /\n  child domain domain\n", "'/' refers to the context 'domain', which [domain] does not define", 2 },
        { "[domain]\ncontext domain\n", "[domain] must start with 'context /'", 1 },
        { "[domain]\ncontext /\n  @type = a\n  @type\n", "the attribute 'type' is listed twice", 4 },
        { "[domain]\ncontext /\n  switch @type\n", "'/' needs both 'switch' and at least one 'case' or 'absent', or neither", 2 },
        { "[domain]\ncontext /\n  elemnt x /\n", "unknown line 'elemnt'; expected switch, case, absent, @NAME, @*, child or text", 3 },
        { "[domain]\ncontext /\n@type\n", "'@type' outside a context; context lines are indented under 'context NAME'", 3 },
        { "[domain]\ncontext /\ncontext /\n", "the context '/' is listed twice in [domain]", 3 },
        { "[domain]\ncontext /\n  text = a a\n", "'/' lists a value of text twice", 2 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_model_is_a_build_error_at_its_line(string text, string message, int line)
    {
        var (result, _) = Run(text);
        Assert.Empty(result.GeneratedSources);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(SchemaModelGenerator.MalformedModelId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal($"libvirt-schema-model.txt: {message}", diagnostic.GetMessage());
        Assert.Equal(ModelPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void The_committed_model_compiles_for_every_document_kind()
    {
        var (result, output) = Run(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generators", SchemaModelGenerator.ModelFileName)));
        Assert.Empty(result.Diagnostics);
        var text = result.GeneratedSources.Single().SourceText.ToString();
        foreach (var kind in new[] { "Domain", "Pool", "Volume", "Network" })
            Assert.Contains($"[DocumentKind.{kind}] = static () => {kind}Tables.Model,", text);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Editing_a_rule_leaves_the_schema_tables_cached()
    {
        var model = new InMemoryAdditionalText(ModelPath, TestModel);
        var rule = new InMemoryAdditionalText("/repo/rules/domain/nic-model-missing.yaml", GeneratorHarness.TestRule("domain/nic-model-missing.yaml"));
        var driver = Driver(true, model, rule).RunGenerators(GeneratorHarness.NewCompilation());
        var edited = new InMemoryAdditionalText(rule.Path, rule.GetText().ToString() + "\n# edited\n");
        driver = driver.ReplaceAdditionalText(rule, edited).RunGenerators(GeneratorHarness.NewCompilation());

        var run = driver.GetRunResult().Results.Single(r => r.Generator.GetGeneratorType() == typeof(SchemaModelGenerator));
        var outputs = run.TrackedSteps[SchemaModelGenerator.TrackingName].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
