using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace VirtLint.Generators.Tests;

/// <summary>Runs <see cref="RuleGenerator"/> in-process over in-memory rule files and compiles what it produces.</summary>
internal static class GeneratorHarness
{
    public static GeneratorDriver CreateDriver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [new RuleGenerator().AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output) Run(params AdditionalText[] files)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(NewCompilation(), out var output, out _);
        return (driver, driver.GetRunResult(), output);
    }

    public static CSharpCompilation NewCompilation()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(VirtLint.Core.RuleChecker).Assembly.Location));
        return CSharpCompilation.Create(
            "GeneratedRules",
            [CSharpSyntaxTree.ParseText("namespace VirtLint.Rules { public static partial class BuiltInRules { } }")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static string TestRule(string fileName) => File.ReadAllText(Path.Combine(TestRulesFolder, fileName));

    public static string TestRulesFolder => Path.Combine(ProjectFolder, "TestRules");

    public static string BaselinesFolder => Path.Combine(ProjectFolder, "Baselines");

    public static string ProjectFolder => Path.Combine(RepositoryPaths.Root, "tests", "VirtLint.Generators.Tests");
}

/// <summary>An additional file held in memory, as the compiler would pass rules/**/*.yaml.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
