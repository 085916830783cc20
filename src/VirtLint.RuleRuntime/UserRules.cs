using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;
using VirtLint.RuleLanguage.Vocabulary;

namespace VirtLint.RuleRuntime;

/// <summary>Rules loaded from files, with the errors found in them; usable only when there are no errors.</summary>
public sealed record LoadedRules(IReadOnlyList<RuleSpec> Specs, IReadOnlyList<RuleDescriptor> Descriptors, IReadOnlyList<RuleChecker> Checkers, IReadOnlyList<RuleFileError> Errors)
{
    public bool Ok => Errors.Count == 0;

    /// <summary>A catalog of the built-in rules plus these.</summary>
    public RuleCatalog With(RuleCatalog builtIn) => new(builtIn.Rules.Concat(Descriptors), builtIn.Checkers.Concat(Checkers));
}

/// <summary>
/// Loads rule files at run time through the same front end the generator compiles the built-in rules with (same
/// checks, same diagnostics, same libvirt vocabulary), then makes each an <see cref="InterpretedRule"/>.
/// </summary>
public static class UserRules
{
    private static readonly Lazy<INameChecker?> Vocabulary = new(() =>
    {
        using var stream = typeof(UserRules).Assembly.GetManifestResourceStream("libvirt-vocabulary.txt");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return VocabularyNameChecker.For(reader.ReadToEnd());
    });

    /// <summary>The rule files of a folder: <c>*.yaml</c> and <c>*.yml</c> directly in it, in name order.</summary>
    public static IReadOnlyList<string> FilesIn(string directory) =>
        Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads every rule file of <paramref name="directory"/>; ids and names must not collide with each other or with <paramref name="builtIn"/>.</summary>
    public static LoadedRules LoadDirectory(string directory, RuleCatalog? builtIn, RuleOrigin origin = RuleOrigin.User)
    {
        var files = FilesIn(directory).Select(path => (path, File.ReadAllText(path))).ToList();
        return Load(files, builtIn, origin);
    }

    /// <summary>Loads rule files given as (display path, text).</summary>
    public static LoadedRules Load(IReadOnlyList<(string Path, string Text)> files, RuleCatalog? builtIn, RuleOrigin origin = RuleOrigin.User)
    {
        var specs = new List<RuleSpec>();
        var errors = new List<RuleFileError>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            RuleParseResult result;
            try
            {
                result = RuleFileParser.Parse(path, text, Vocabulary.Value, origin);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                errors.Add(new RuleFileError(path, 1, 1, DiagnosticIds.InvalidYaml, $"the rule file could not be read: {e.Message}"));
                continue;
            }

            foreach (var diagnostic in result.Diagnostics)
                errors.Add(new RuleFileError(path, diagnostic.Range.Line, diagnostic.Range.Column, diagnostic.Id, diagnostic.Message));
            if (result.Rule is not { } rule) continue;

            if (ids.TryGetValue(rule.Id, out var idOwner) || builtIn?.Find(rule.Id) is { } builtInId && (idOwner = builtInId.SourceFile) is not null)
            {
                errors.Add(At(path, rule.IdRange, DiagnosticIds.DuplicateId, $"rule id '{rule.Id}' is already used by {idOwner}; ids are never reused"));
                continue;
            }

            if (names.TryGetValue(rule.Name, out var nameOwner) || builtIn?.Find(rule.Name) is { } builtInName && (nameOwner = $"{builtInName.Id} ({builtInName.SourceFile})") is not null)
            {
                errors.Add(At(path, rule.NameRange, DiagnosticIds.DuplicateName, $"rule name '{rule.Name}' is already used by {nameOwner}"));
                continue;
            }

            ids[rule.Id] = path;
            names[rule.Name] = path;
            specs.Add(rule);
        }

        if (errors.Count > 0) return new LoadedRules([], [], [], errors);
        // Each rule lowered once; the checkers see only the plan.
        var plans = specs.Select(RuleLowering.Lower).ToArray();
        var checkers = plans.Select(p => p.Check is null ? null : InterpretedWorkspaceRule.For(p)).ToArray();
        var descriptors = plans.Select((p, i) => checkers[i]?.Descriptor ?? RuleDescriptors.From(p.Rule)).ToArray();
        return new LoadedRules(specs, descriptors, checkers.OfType<RuleChecker>().ToArray(), errors);
    }

    private static RuleFileError At(string path, SourceRange range, string id, string message) => new(path, range.Line, range.Column, id, message);
}
