using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using VirtLint.Core;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Schema;

/// <summary>
/// Seeded typos: each mutation is applied to every corpus file it fits that xmllint accepts as it is. The mutated file
/// must get exactly one schema finding, of the expected rule, at the exact line and column of the mutated name or
/// attribute, with the expected did-you-mean; and xmllint must reject every mutated file, so each one is a real error.
/// </summary>
public sealed partial class SchemaMutationTests(ITestOutputHelper output)
{
    /// <summary>Where a mutation was applied, and what must be reported there.</summary>
    private sealed record Seed(string Text, int Offset, string Message);

    private sealed record Mutation(string RuleId, DocumentKind Kind, Func<string, Seed?> Apply);

    private static readonly Dictionary<string, Mutation> Mutations = new()
    {
        // A renamed element: a self-closing <driver> under a disk, an interface, a controller, a video device…
        ["element driver renamed drvier"] = new(SchemaGateCorpusTests.SchemaRuleIds[0], DocumentKind.Domain, text =>
        {
            var match = SelfClosingDriver().Match(text);
            if (!match.Success) return null;
            var parent = ParentAt(text, match.Index);
            return new Seed(text.Remove(match.Index, "<driver".Length).Insert(match.Index, "<drvier"), match.Index,
                $"Element 'drvier' is not allowed in <{parent}>; the closest allowed name is 'driver'.");
        }),
        // A renamed element with a closing tag: a pool's <path>.
        ["element path renamed pth"] = new(SchemaGateCorpusTests.SchemaRuleIds[0], DocumentKind.Pool, text =>
        {
            var start = text.IndexOf("<path>", StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf("</path>", start, StringComparison.Ordinal);
            if (end < 0) return null;
            var parent = ParentAt(text, start);
            var mutated = text.Remove(end, "</path>".Length).Insert(end, "</pth>").Remove(start, "<path>".Length).Insert(start, "<pth>");
            return new Seed(mutated, start, $"Element 'pth' is not allowed in <{parent}>; the closest allowed name is 'path'.");
        }),
        // A misspelt attribute: a disk target's bus.
        ["attribute bus misspelt buss"] = new(SchemaGateCorpusTests.SchemaRuleIds[1], DocumentKind.Domain, text =>
        {
            var match = TargetBus().Match(text);
            if (!match.Success) return null;
            var at = match.Groups["attribute"].Index;
            return new Seed(text.Insert(at + "bus".Length, "s"), at, "Attribute 'buss' is not allowed on <target>; the closest allowed name is 'bus'.");
        }),
        // A misspelt enumeration value: bus='virtio' on a disk target.
        ["value virtio misspelt virtoi"] = new(SchemaGateCorpusTests.SchemaRuleIds[2], DocumentKind.Domain, text =>
        {
            var match = TargetBusVirtio().Match(text);
            if (!match.Success) return null;
            var value = match.Groups["value"].Index;
            return new Seed(text.Remove(value, "virtio".Length).Insert(value, "virtoi"), match.Groups["attribute"].Index,
                "Value 'virtoi' is not allowed for attribute 'bus' of <target>; the closest allowed value is 'virtio'.");
        }),
        // A misspelt enumeration value in a network: the forward mode.
        ["value nat misspelt nta"] = new(SchemaGateCorpusTests.SchemaRuleIds[2], DocumentKind.Network, text =>
        {
            var match = ForwardModeNat().Match(text);
            if (!match.Success) return null;
            var value = match.Groups["value"].Index;
            return new Seed(text.Remove(value, "nat".Length).Insert(value, "nta"), match.Groups["attribute"].Index,
                "Value 'nta' is not allowed for attribute 'mode' of <forward>; the closest allowed value is 'nat'.");
        }),
    };

    public static TheoryData<string> Names() => new(Mutations.Keys.Order(StringComparer.Ordinal));

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Each_seeded_mutation_is_found_at_its_exact_place(string name)
    {
        Xmllint.Require();
        var mutation = Mutations[name];
        var files = CorpusFile.All().Where(f => f.Kind == mutation.Kind).ToList();
        var accepted = Xmllint.Accepted(mutation.Kind, files.Select(f => f.Path).ToList());
        var seeded = files.Where(f => accepted.Contains(f.Path))
            .Select(f => (File: f, Seed: mutation.Apply(f.Text)))
            .Where(p => p.Seed is not null)
            .ToList();
        Assert.True(seeded.Count >= 5, $"'{name}' fits only {seeded.Count} corpus files; the test would prove little");

        var linter = new Linter(BuiltInRules.Catalog);
        var problems = new List<string>();
        var folder = Directory.CreateTempSubdirectory("virtlint-mutations-");
        try
        {
            var mutatedPaths = new List<string>();
            foreach (var (file, seed) in seeded)
            {
                var (line, column) = SourceText.Position(SourceText.LineStarts(seed!.Text), seed.Offset);
                var findings = linter.Lint(file.Path, seed.Text).Where(f => SchemaGateCorpusTests.SchemaRuleIds.Contains(f.RuleId)).ToList();
                var expected = $"{mutation.RuleId} {line}:{column} {seed.Message}";
                var actual = findings.Select(f => $"{f.RuleId} {f.Span.StartLine}:{f.Span.StartColumn} {f.Message}").ToList();
                if (actual.Count != 1 || actual[0] != expected)
                    problems.Add($"{RepositoryPaths.Relative(file.Path)}: expected [{expected}], got [{string.Join("; ", actual)}]");

                var mutatedPath = Path.Combine(folder.FullName, $"{mutatedPaths.Count:D4}-{Path.GetFileName(file.Path)}");
                File.WriteAllText(mutatedPath, seed.Text);
                mutatedPaths.Add(mutatedPath);
            }

            var stillAccepted = Xmllint.Accepted(mutation.Kind, mutatedPaths);
            problems.AddRange(stillAccepted.Select(p => $"xmllint accepts the mutated {Path.GetFileName(p)}, so the mutation is no error"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        output.WriteLine($"'{name}': applied to {seeded.Count} corpus files, {seeded.Count - problems.Count} found as expected.");
        Assert.True(problems.Count == 0, $"'{name}': {problems.Count} of {seeded.Count} mutated files went wrong:\n{string.Join("\n", problems.Take(20))}");
    }

    /// <summary>The name of the parent of the element whose start tag begins at the offset.</summary>
    private static string ParentAt(string text, int offset)
    {
        var (line, column) = SourceText.Position(SourceText.LineStarts(text), offset);
        var document = XDocument.Parse(text, LoadOptions.SetLineInfo);
        var element = document.Descendants().Single(e => ((IXmlLineInfo)e).LineNumber == line && ((IXmlLineInfo)e).LinePosition == column + 1);
        return element.Parent!.Name.LocalName;
    }

    [GeneratedRegex(@"<driver\b[^<>]*/>")]
    private static partial Regex SelfClosingDriver();

    [GeneratedRegex(@"<target\b[^<>]*?\s(?<attribute>bus)\s*=")]
    private static partial Regex TargetBus();

    [GeneratedRegex(@"<target\b[^<>]*?\s(?<attribute>bus)\s*=\s*(?<quote>['""])(?<value>virtio)\k<quote>")]
    private static partial Regex TargetBusVirtio();

    [GeneratedRegex(@"<forward\b[^<>]*?\s(?<attribute>mode)\s*=\s*(?<quote>['""])(?<value>nat)\k<quote>")]
    private static partial Regex ForwardModeNat();
}
