using System.Text;
using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli;
using VirtLint.Core;
using VirtLint.DocGen.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.DocGen.Tests;

/// <summary>The committed docs against the shipped rules: CI fails when a rule changed and the docs were not regenerated.</summary>
public sealed class GeneratedDocsTests
{
    private static readonly RuleCatalog Catalog = BuiltInRules.Catalog;

    [Fact]
    public void Generated_docs_are_up_to_date()
    {
        var generated = DocsGenerator.Generate(Catalog, RepositoryPaths.Root);

        var stale = DocsGenerator.StaleFiles(generated, RepositoryPaths.Root);

        Assert.True(
            stale.Count == 0,
            $"The generated docs are stale. Run `{DocsGenerator.Command}` from the repository root and commit the result.\n"
            + string.Join('\n', stale.Select(file => "  " + file)));
    }

    [Fact]
    public async Task SARIF_rule_catalogue_validates_against_the_SARIF_2_1_0_schema()
    {
        var sarif = DocsGenerator.Generate(Catalog, RepositoryPaths.Root)[DocsGenerator.SarifPath];

        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema);
        var errors = schema.Validate(sarif);

        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void SARIF_rule_catalogue_has_no_results_and_nothing_about_the_machine()
    {
        var sarif = DocsGenerator.Generate(Catalog, RepositoryPaths.Root)[DocsGenerator.SarifPath];

        using var document = JsonDocument.Parse(sarif);
        var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.False(run.TryGetProperty("originalUriBaseIds", out _));
        Assert.False(run.TryGetProperty("automationDetails", out _));
        Assert.DoesNotContain("file://", sarif, StringComparison.Ordinal);
        Assert.Equal(
            Catalog.Rules.Select(r => r.Id),
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void SARIF_rule_catalogue_driver_is_the_one_check_writes()
    {
        var catalogue = DocsGenerator.Generate(Catalog, RepositoryPaths.Root)[DocsGenerator.SarifPath];
        var stdout = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Stdin = new MemoryStream(Encoding.UTF8.GetBytes("<domain type='kvm'><name>web</name></domain>")),
            Stdout = stdout,
            Stderr = new StringWriter(),
            CurrentDirectory = Path.GetTempPath(),
        };

        VirtLintApp.Run(["check", "-", "--format", "sarif", "--fail-on", "none"], context, Catalog);

        using var fromCheck = JsonDocument.Parse(stdout.ToString());
        using var fromDocs = JsonDocument.Parse(catalogue);
        Assert.Equal(Driver(fromCheck).GetRawText(), Driver(fromDocs).GetRawText());
    }

    [Fact]
    public void A_rule_page_has_every_section_in_order()
    {
        // VL1001 has parameters and fixtures, so every optional section is present too.
        var rule = Catalog.Find("VL1001")!;

        var page = RulePage.Render(rule, RepositoryPaths.Root);

        var lines = page.Split('\n');
        Assert.Equal(DocsGenerator.GeneratedComment, lines[0]);
        Assert.Equal($"# VL1001 disk-bus-not-virtio: {rule.Title}", lines[2]);
        Assert.Contains("| Severity | warning |", lines);
        Assert.Contains("| Category | performance |", lines);
        Assert.Contains("| Source | [rules/domain/disk-bus-not-virtio.yaml](../../rules/domain/disk-bus-not-virtio.yaml) |", lines);
        Assert.Contains("| Scope | kvm, qemu, hvf |", lines);
        Assert.Contains("Domains of type `kvm`, `qemu` or `hvf`.", lines);
        Assert.Equal(
            ["## What it does", "## Scope", "## Why is this bad?", "## Example", "## Use instead", "## Parameters", "## Fixtures",
             "### flagged.xml", "### clean-bhyve.xml", "### clean-hyperv.xml", "### clean-vmware.xml", "### clean-xen.xml", "### clean.xml",
             "## References"],
            lines.Where(line => line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal)));
        Assert.Contains("| `emulated-buses` | string-list | `ide, sata, usb, fdc` |", page, StringComparison.Ordinal);
        Assert.Contains("- <https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms>", lines);
        Assert.Contains("```xml\n" + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests/VirtLint.Rules.Tests/Fixtures/domain/disk-bus-not-virtio/flagged.xml")), page, StringComparison.Ordinal);
        Assert.EndsWith(">\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_rules_docs_makes_its_committed_page_stale()
    {
        var original = Catalog.NotWellFormed;
        var edited = original with { Docs = original.Docs with { WhyIsThisBad = original.Docs.WhyIsThisBad + " Edited." } };
        var catalog = new RuleCatalog(Catalog.Rules.Select(r => r.Id == original.Id ? edited : r), Catalog.Checkers);

        var generated = DocsGenerator.Generate(catalog, RepositoryPaths.Root);
        var stale = DocsGenerator.StaleFiles(generated, RepositoryPaths.Root);

        Assert.Contains(new StaleFile($"docs/rules/{original.Id}.md", StaleReason.Changed), stale);
        Assert.Contains(new StaleFile(DocsGenerator.SarifPath, StaleReason.Changed), stale);
        Assert.Contains(" Edited.", generated[$"docs/rules/{original.Id}.md"], StringComparison.Ordinal);
    }

    [Fact]
    public void Generation_is_deterministic_with_LF_and_no_absolute_paths()
    {
        var first = DocsGenerator.Generate(Catalog, RepositoryPaths.Root);
        var second = DocsGenerator.Generate(Catalog, RepositoryPaths.Root);

        Assert.Equal(first, second);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), first.Keys);
        foreach (var (path, content) in first)
        {
            Assert.DoesNotContain('\r', content);
            Assert.DoesNotContain(RepositoryPaths.Root, content, StringComparison.Ordinal);
            Assert.EndsWith("\n", content, StringComparison.Ordinal);
            Assert.False(content.EndsWith("\n\n", StringComparison.Ordinal), $"{path} ends with a blank line.");
        }

        Assert.Equal(
            Catalog.Rules.Select(r => $"docs/rules/{r.Id}.md"),
            first.Keys.Where(k => k.StartsWith("docs/rules/VL", StringComparison.Ordinal)));
    }

    private static JsonElement Driver(JsonDocument sarif) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
}
