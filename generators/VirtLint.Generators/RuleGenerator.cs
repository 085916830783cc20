using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using VirtLint.Generators.Model;
using VirtLint.RuleLanguage;

namespace VirtLint.Generators;

/// <summary>
/// Compiles every rule file (<c>rules/**/*.yaml</c>, passed as AdditionalFiles) into a checker class, plus a registry.
/// Each file is parsed in its own step, so editing one rule re-emits one checker; the registry sees only ids and class names.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class RuleGenerator : IIncrementalGenerator
{
    public const string VocabularyFileName = "libvirt-vocabulary.txt";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var vocabulary = context.AdditionalTextsProvider
            .Where(static file => string.Equals(Path.GetFileName(file.Path), VocabularyFileName, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, token) => file.GetText(token)?.ToString() ?? "")
            .Collect()
            .Select(static (texts, _) => new VocabularyText(texts.IsDefaultOrEmpty ? "" : texts[0]))
            .WithTrackingName(TrackingNames.Vocabulary);

        var ruleFiles = context.AdditionalTextsProvider
            .Where(static file => IsRuleFile(file.Path))
            .Select(static (file, token) => new RuleFileText(file.Path, file.GetText(token)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.RuleFileText);

        var parsed = ruleFiles
            .Combine(vocabulary)
            .Select(static (pair, _) => ParseRuleFile(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ParsedRule);

        // Usually empty, so editing a rule's body leaves it equal and the other rules' outputs cached.
        var duplicatedIds = parsed
            .Where(static file => file.Rule is not null)
            .Select(static (file, _) => file.Rule!.Id)
            .Collect()
            .Select(static (ids, _) => new EquatableArray<string>(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).OrderBy(id => id, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.DuplicatedIds);

        context.RegisterSourceOutput(parsed.Combine(duplicatedIds), static (output, pair) => EmitRuleFile(output, pair.Left, pair.Right));

        var registry = parsed
            .Where(static file => file.Rule is not null)
            .Select(static (file, _) => ToRegistryEntry(file))
            .WithTrackingName(TrackingNames.RegistryEntry)
            .Collect()
            .WithTrackingName(TrackingNames.Registry);

        context.RegisterSourceOutput(registry, static (output, entries) => EmitRegistry(output, entries));
    }

    private static bool IsRuleFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static void Report(SourceProductionContext output, DiagnosticInfo info)
    {
        var location = Location.Create(
            info.Path,
            new Microsoft.CodeAnalysis.Text.TextSpan(info.Start, info.Length),
            new Microsoft.CodeAnalysis.Text.LinePositionSpan(
                new Microsoft.CodeAnalysis.Text.LinePosition(info.Line - 1, info.Column - 1),
                new Microsoft.CodeAnalysis.Text.LinePosition(info.EndLine - 1, Math.Max(0, info.EndColumn - 1))));
        output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById(info.Id), location, info.Message));
    }

    private static RegistryEntry ToRegistryEntry(ParsedRuleFile file)
    {
        var rule = file.Rule!;
        return new RegistryEntry(rule.Id, rule.Name, ClassName(rule), rule.Check is not null, file.IdLocation, file.NameLocation);
    }
}

/// <summary>Step names for incremental-generator tests.</summary>
public static class TrackingNames
{
    public const string Vocabulary = nameof(Vocabulary);
    public const string RuleFileText = nameof(RuleFileText);
    public const string ParsedRule = nameof(ParsedRule);
    public const string RegistryEntry = nameof(RegistryEntry);
    public const string Registry = nameof(Registry);
    public const string DuplicatedIds = nameof(DuplicatedIds);
}
