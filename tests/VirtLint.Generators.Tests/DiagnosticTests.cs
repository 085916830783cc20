using Microsoft.CodeAnalysis;

namespace VirtLint.Generators.Tests;

/// <summary>Each VLG diagnostic: a broken rule file fails the build with that id, located at the offending line and column.</summary>
public sealed class DiagnosticTests
{
    private const string Valid = """
        id: VL1900
        name: sample-rule
        title: Sample
        severity: warning
        category: performance
        target: domain
        check:
          context: devices/disk/target
          report: "@bus = 'ide'"
        message: "Disk '{@dev}' uses 'ide'."
        docs:
          what-it-does: x
          why-is-this-bad: It is a warning because x.
          example: x
          use-instead: x
        """;

    public static TheoryData<string, string, string, int, int> Cases => new()
    {
        { "yaml syntax", Valid.Replace("title: Sample", "title: [unclosed"), "VLG0001", 3, 8 },
        { "yaml structure", Valid.Replace("title: Sample", "title: Sample\n  nested: value"), "VLG0001", 4, 9 },
        { "unknown field", Valid.Replace("title: Sample", "title: Sample\nseverty: warning"), "VLG0002", 4, 1 },
        { "missing field", Valid.Replace("title: Sample\n", ""), "VLG0003", 1, 1 },
        { "invalid value", Valid.Replace("severity: warning", "severity: fatal"), "VLG0004", 4, 11 },
        { "expression syntax", Valid.Replace("report: \"@bus = 'ide'\"", "report: \"@bus = = 'ide'\""), "VLG0005", 9, 19 },
        { "unknown function", Valid.Replace("report: \"@bus = 'ide'\"", "report: \"lenght(@bus) > 3\""), "VLG0006", 9, 12 },
        { "type error", Valid.Replace("context: devices/disk/target", "context: count(devices/disk)"), "VLG0006", 8, 12 },
        { "unknown variable", Valid.Replace("report: \"@bus = 'ide'\"", "report: \"@bus = $buses\""), "VLG0008", 9, 19 },
        { "vocabulary", Valid.Replace("report: \"@bus = 'ide'\"", "report: \"@buss = 'ide'\""), "VLG0010", 9, 13 },
        { "scope hypervisor", Valid.Replace("target: domain", "target: domain\nscope:\n  hypervisors: [kvm, qmeu]"), "VLG0004", 8, 22 },
        { "infinite default", Valid.Replace("check:", "params:\n  limit:\n    type: number\n    default: -1e999\ncheck:"), "VLG0004", 10, 14 },
        { "backtracking pattern", Valid.Replace("report: \"@bus = 'ide'\"", "report: \"matches(@bus, \\\"(?<a>v)\\\\k'a'\\\")\""), "VLG0006", 9, 26 },
        { "message placeholder", Valid.Replace("message: \"Disk '{@dev}' uses 'ide'.\"", "message: \"Disk '{@dev' uses 'ide'.\""), "VLG0005", 10, 17 },
        { "message style", Valid.Replace("message: \"Disk '{@dev}' uses 'ide'.\"", "message: \"Disk '{@dev}' uses 'ide'. Use 'virtio'.\""), "VLG0011", 10, 10 },
        { "severity reason", Valid.Replace("why-is-this-bad: It is a warning because x.", "why-is-this-bad: It is slow."), "VLG0012", 13, 20 },
        { "id range", Valid.Replace("id: VL1900", "id: VL2900"), "VLG0013", 1, 5 },
        { "rule folder", Valid.Replace("name: sample-rule", "name: other-rule"), "VLG0014", 2, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Broken_rule_reports_a_located_error(string what, string yaml, string id, int line, int column)
    {
        var (_, result, _) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/rules/domain/sample-rule.yaml", yaml), Vocabulary());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(id == diagnostic.Id, $"{what}: expected {id}, got {diagnostic}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/rules/domain/sample-rule.yaml", span.Path);
        Assert.True((line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{what}: expected ({line},{column}), got {diagnostic}");
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, s => s.HintName == "VL1900.g.cs");
    }

    /// <summary>Names differing only in '-' and '_' (parameters, lets, element names) become different C# identifiers.</summary>
    [Fact]
    public void Names_differing_in_dash_and_underscore_do_not_collide()
    {
        var yaml = Valid
            .Replace("check:", "params:\n  a-b:\n    type: string-list\n    default: [ide]\n  a_b:\n    type: string-list\n    default: [sata]\ncheck:")
            .Replace("report: \"@bus = 'ide'\"", "let:\n    x-y: \"@bus\"\n    x_y: \"@dev\"\n  report: \"$x-y = $a-b or $x_y = $a_b\"");
        var (_, result, output) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/rules/domain/sample-rule.yaml", yaml), Vocabulary());
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var code = result.Results.Single().GeneratedSources.Single(s => s.HintName == "VL1900.g.cs").SourceText.ToString();
        Assert.Contains("var p_a_b = context.GetStringList(\"a-b\", Default_a_b);", code);
        Assert.Contains("var p_a__b = context.GetStringList(\"a_b\", Default_a__b);", code);
        Assert.Contains("var l_x_y = ", code);
        Assert.Contains("var l_x__y = ", code);
    }

    [Fact]
    public void Vocabulary_errors_suggest_the_intended_name()
    {
        var yaml = Valid.Replace("report: \"@bus = 'ide'\"", "report: \"@buss = 'ide'\"");
        var (_, result, _) = GeneratorHarness.Run(new InMemoryAdditionalText("/repo/rules/domain/sample-rule.yaml", yaml), Vocabulary());
        Assert.Contains("did you mean 'bus'", Assert.Single(result.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_id_is_reported_at_the_second_file()
    {
        var second = Valid.Replace("name: sample-rule", "name: zz-other-rule");
        var (_, result, _) = GeneratorHarness.Run(
            new InMemoryAdditionalText("/repo/rules/domain/sample-rule.yaml", Valid),
            new InMemoryAdditionalText("/repo/rules/domain/zz-other-rule.yaml", second));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.True(diagnostic.Id == "VLG0007", diagnostic.ToString());
        Assert.True(diagnostic.Location.GetLineSpan().Path == "/repo/rules/domain/zz-other-rule.yaml", diagnostic.ToString());
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Duplicate_name_is_reported()
    {
        // Built-in rule files are named after their rules, so two rules of one name are in two targets' folders.
        var second = Valid.Replace("id: VL1900", "id: VL2900").Replace("target: domain", "target: pool")
            .Replace("devices/disk/target", "target/path").Replace("@bus = 'ide'", "true()").Replace("{@dev}", "{name}");
        var (_, result, _) = GeneratorHarness.Run(
            new InMemoryAdditionalText("/repo/rules/domain/sample-rule.yaml", Valid),
            new InMemoryAdditionalText("/repo/rules/pool/sample-rule.yaml", second));
        Assert.Equal("VLG0009", Assert.Single(result.Diagnostics).Id);
    }

    private static InMemoryAdditionalText Vocabulary()
    {
        var path = Path.Combine(GeneratorHarness.ProjectFolder, "..", "..", "generators", "libvirt-vocabulary.txt");
        return new InMemoryAdditionalText("/repo/generators/libvirt-vocabulary.txt", File.ReadAllText(path));
    }
}
