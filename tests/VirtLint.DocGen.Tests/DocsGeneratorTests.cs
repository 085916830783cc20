using VirtLint.Core;
using VirtLint.DocGen.Tests.Support;

namespace VirtLint.DocGen.Tests;

/// <summary>The generator on small catalogues in a temporary repository: what it writes, deletes and reports.</summary>
public sealed class DocsGeneratorTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Apply_writes_every_file_and_then_nothing_is_stale()
    {
        var catalog = TestRules.Catalog(TestRules.Describe("VL1001", "disk-bus-not-virtio", target: "domain"));
        var generated = DocsGenerator.Generate(catalog, _repository.Root);

        var stale = DocsGenerator.StaleFiles(generated, _repository.Root);
        DocsGenerator.Apply(generated, stale, _repository.Root);

        Assert.Equal(
            ["README.md", "docs/rules/README.md", "docs/rules/VL0001.md", "docs/rules/VL0002.md", "docs/rules/VL1001.md", "docs/virtlint-config.schema.json", "docs/virtlint-rules.sarif"],
            generated.Keys);
        Assert.Equal(["README.md changed", .. generated.Keys.Skip(1).Select(k => $"{k} missing")],
            stale.Select(f => $"{f.Path} {f.Reason.ToString().ToLowerInvariant()}"));
        Assert.Empty(DocsGenerator.StaleFiles(DocsGenerator.Generate(catalog, _repository.Root), _repository.Root));
        foreach (var (path, content) in generated) Assert.Equal(content, _repository.Read(path));
        Assert.Empty(Directory.GetFiles(Path.Combine(_repository.Root, "docs", "rules"), "*.tmp"));
    }

    [Fact]
    public void Changed_docs_text_is_reported_for_the_page_and_the_SARIF_catalogue_only()
    {
        var rule = TestRules.Describe("VL1001", "disk-bus-not-virtio", target: "domain");
        var before = DocsGenerator.Generate(TestRules.Catalog(rule), _repository.Root);
        DocsGenerator.Apply(before, DocsGenerator.StaleFiles(before, _repository.Root), _repository.Root);

        var edited = rule with { Docs = rule.Docs with { WhatItDoes = "Reports something else." } };
        var after = DocsGenerator.Generate(TestRules.Catalog(edited), _repository.Root);

        Assert.Equal(
            [new StaleFile("docs/rules/VL1001.md", StaleReason.Changed), new StaleFile(DocsGenerator.SarifPath, StaleReason.Changed)],
            DocsGenerator.StaleFiles(after, _repository.Root));
    }

    [Fact]
    public void A_page_for_a_removed_rule_is_obsolete_and_deleted()
    {
        var removed = TestRules.Describe("VL1002", "removed-rule", target: "domain");
        var catalog = TestRules.Catalog();
        var old = DocsGenerator.Generate(TestRules.Catalog(removed), _repository.Root);
        DocsGenerator.Apply(old, DocsGenerator.StaleFiles(old, _repository.Root), _repository.Root);
        _repository.Write("docs/rules/notes.md", "Not a rule page; left alone.\n");

        var generated = DocsGenerator.Generate(catalog, _repository.Root);
        var stale = DocsGenerator.StaleFiles(generated, _repository.Root);
        DocsGenerator.Apply(generated, stale, _repository.Root);

        Assert.Contains(new StaleFile("docs/rules/VL1002.md", StaleReason.Obsolete), stale);
        Assert.False(_repository.Exists("docs/rules/VL1002.md"));
        Assert.True(_repository.Exists("docs/rules/notes.md"));
        Assert.Empty(DocsGenerator.StaleFiles(generated, _repository.Root));
    }

    [Fact]
    public void CRLF_line_endings_on_disk_are_not_stale()
    {
        var catalog = TestRules.Catalog();
        var generated = DocsGenerator.Generate(catalog, _repository.Root);
        foreach (var (path, content) in generated) _repository.Write(path, content.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Empty(DocsGenerator.StaleFiles(generated, _repository.Root));
    }

    [Fact]
    public void README_table_replaces_only_the_text_between_the_markers()
    {
        var catalog = TestRules.Catalog();

        var readme = DocsGenerator.Generate(catalog, _repository.Root)["README.md"];

        Assert.Equal("""
            # Project

            Intro.

            <!-- rules:start -->

            | Id | Name | Severity | Category | Title |
            | --- | --- | --- | --- | --- |
            | [VL0001](docs/rules/VL0001.md) | `xml-not-well-formed` | warning | correctness | Title of xml-not-well-formed |
            | [VL0002](docs/rules/VL0002.md) | `not-a-libvirt-document` | warning | correctness | Title of not-a-libvirt-document |

            2 rules.

            <!-- rules:end -->

            ## After

            """, readme);
        Assert.Equal(readme, ReadmeRuleTable.Replace(readme, catalog));
    }

    [Theory]
    [InlineData("# Project\n", "has no rule-table markers")]
    [InlineData("# Project\n<!-- rules:start -->\n", "has no rule-table end marker")]
    [InlineData("# Project\n<!-- rules:end -->\n<!-- rules:start -->\n", "before '<!-- rules:start -->'")]
    [InlineData("<!-- rules:start -->\n<!-- rules:end -->\n<!-- rules:start -->\n<!-- rules:end -->\n", "exactly one")]
    public void README_without_usable_markers_is_a_clear_error(string readme, string expected)
    {
        _repository.Write("README.md", readme);

        var error = Assert.Throws<DocsGeneratorException>(() => DocsGenerator.Generate(TestRules.Catalog(), _repository.Root));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("README.md ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_README_is_a_clear_error()
    {
        File.Delete(Path.Combine(_repository.Root, "README.md"));

        var error = Assert.Throws<DocsGeneratorException>(() => DocsGenerator.Generate(TestRules.Catalog(), _repository.Root));

        Assert.StartsWith("README.md not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_shows_security_severity_parameters_and_fixtures_flagged_first()
    {
        // A warning declared at 7.5 is published at 6.9, the top of the warning band (SecuritySeverityBands).
        var rule = TestRules.Describe(
            "VL1002", "vnc-without-password", target: "domain", category: "security", securitySeverity: "7.5",
            parameters: [new RuleParameter("ports", "string-list", "5900, 5901", "Ports that\nmatter | a lot.\n")]);
        const string Fixtures = "tests/VirtLint.Rules.Tests/Fixtures/domain/vnc-without-password";
        _repository.Write($"{Fixtures}/clean.xml", "<domain/>\r\n");
        _repository.Write($"{Fixtures}/flagged-b.xml", "<domain>```</domain>\n");
        _repository.Write($"{Fixtures}/flagged-a.xml", "<domain/>\n");
        _repository.Write($"{Fixtures}/notes.txt", "not a fixture\n");

        var page = RulePage.Render(rule, _repository.Root);

        Assert.Equal("""
            <!-- Generated by dotnet run --project src/VirtLint.DocGen. Do not edit. -->

            # VL1002 vnc-without-password: Title of vnc-without-password

            | Property | Value |
            | --- | --- |
            | Id | `VL1002` |
            | Name | `vnc-without-password` |
            | Severity | warning |
            | Category | security |
            | Tags | `tag-a`, `tag-b` |
            | Target | domain |
            | Precision | high |
            | Security severity | 6.9 |
            | Source | [rules/domain/vnc-without-password.yaml](../../rules/domain/vnc-without-password.yaml) |

            ## What it does

            Reports something.

            ## Why is this bad?

            Because it is bad.

            ## Example

            ```xml
            <bad/>
            ```

            ## Use instead

            ```xml
            <good/>
            ```

            ## Parameters

            | Name | Type | Default | Description |
            | --- | --- | --- | --- |
            | `ports` | string-list | `5900, 5901` | Ports that matter \| a lot. |

            ## Fixtures

            The samples in [`tests/VirtLint.Rules.Tests/Fixtures/domain/vnc-without-password/`](../../tests/VirtLint.Rules.Tests/Fixtures/domain/vnc-without-password/) are run by `dotnet test`: the rule must report exactly the findings marked `<!-- expect: VL1002 -->` in a flagged sample, and nothing in a clean one.

            ### flagged-a.xml

            ```xml
            <domain/>
            ```

            ### flagged-b.xml

            ````xml
            <domain>```</domain>
            ````

            ### clean.xml

            ```xml
            <domain/>
            ```

            ## References

            - <https://libvirt.org/formatdomain.html>

            """, page);
    }

    [Fact]
    public void Page_shows_the_scope_and_links_source_references_with_their_function()
    {
        var rule = TestRules.Describe(
            "VL1004", "scoped-rule", target: "domain", scope: new RuleScope(["kvm", "qemu"], ["x86_64"], []),
            references: ["https://gitlab.com/libvirt/libvirt/-/blob/v9.0.0/src/qemu/qemu_validate.c (qemuValidateDomainDefBoot)", "libvirt's documentation"]);

        var lines = RulePage.Render(rule, _repository.Root).Split('\n');

        Assert.Contains("| Scope | kvm, qemu; arch x86_64 |", lines);
        var scope = Array.IndexOf(lines, "## Scope");
        Assert.True(scope > Array.IndexOf(lines, "## What it does") && scope < Array.IndexOf(lines, "## Why is this bad?"));
        Assert.Equal("Domains of type `kvm` or `qemu` on architecture `x86_64`. A domain without `os/type/@arch` counts as `x86_64`.", lines[scope + 2]);
        Assert.Contains("- <https://gitlab.com/libvirt/libvirt/-/blob/v9.0.0/src/qemu/qemu_validate.c> (qemuValidateDomainDefBoot)", lines);
        Assert.Contains("- libvirt's documentation", lines);
    }

    [Fact]
    public void Page_without_parameters_or_fixtures_leaves_those_sections_out()
    {
        var page = RulePage.Render(TestRules.Describe("VL1003", "plain-rule", target: "domain"), _repository.Root);

        Assert.DoesNotContain("## Parameters", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## Fixtures", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Security severity", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Scope", page, StringComparison.Ordinal);
        Assert.Contains("## Use instead", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_links_to_the_pages_beside_it()
    {
        var index = DocsGenerator.Index(TestRules.Catalog());

        Assert.StartsWith(DocsGenerator.GeneratedComment + "\n\n# Rules\n\n2 rules. ", index, StringComparison.Ordinal);
        Assert.EndsWith("""
            | Id | Name | Severity | Category | Title |
            | --- | --- | --- | --- | --- |
            | [VL0001](VL0001.md) | `xml-not-well-formed` | warning | correctness | Title of xml-not-well-formed |
            | [VL0002](VL0002.md) | `not-a-libvirt-document` | warning | correctness | Title of not-a-libvirt-document |

            """, index, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "1 rule.")]
    [InlineData(52, "52 rules.")]
    public void Count_line(int count, string expected) => Assert.Equal(expected, DocsGenerator.RuleCount(count));
}
