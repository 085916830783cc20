using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Tests.Support;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests;

/// <summary>The real command with the real, generated rules: exact findings on real XML, the corpus as SARIF, a Roslyn-free build.</summary>
public sealed class EndToEndTests : IDisposable
{
    private const string IdeDomain = """
        <domain type='kvm'>
          <name>legacy-app</name>
          <memory unit='KiB'>2097152</memory>
          <vcpu placement='static'>2</vcpu>
          <os>
            <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
          </os>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='raw' cache='none' io='native'/>
              <source file='/var/lib/libvirt/images/legacy-app.img'/>
              <target dev='hda' bus='ide'/>
            </disk>
          </devices>
        </domain>
        """;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Text_output_points_at_the_offending_attribute()
    {
        _workspace.Write("vms/legacy-app.xml", IdeDomain);

        var result = _workspace.Run(["check", "vms", "--fail-on", "warning"], "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains(
            "vms/legacy-app.xml:12:25: warning VL1001 Disk 'hda' uses the emulated 'ide' bus; use 'virtio' (or 'scsi' on a virtio-scsi controller).",
            result.Stdout.Split('\n'));
    }

    [Fact]
    public void Json_output_carries_the_exact_region()
    {
        _workspace.Write("legacy-app.xml", IdeDomain);

        var result = _workspace.Run(["check", "legacy-app.xml", "--format", "json"], "", catalog: BuiltInRules.Catalog);

        using var json = JsonDocument.Parse(result.Stdout);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "VL1001");
        Assert.Equal("disk-bus-not-virtio", finding.GetProperty("name").GetString());
        Assert.Equal("legacy-app.xml", finding.GetProperty("path").GetString());
        Assert.Equal((12, 25, 12, 34), (finding.GetProperty("line").GetInt32(), finding.GetProperty("column").GetInt32(), finding.GetProperty("endLine").GetInt32(), finding.GetProperty("endColumn").GetInt32()));
    }

    [Fact]
    public void Stdin_document_is_reported_as_stdin()
    {
        var result = _workspace.Run(["check", "-"], IdeDomain, catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), line => line.StartsWith("<stdin>:12:25: warning VL1001 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_files_are_located_errors_and_the_good_ones_are_still_linted()
    {
        _workspace.Write("vms/a-empty.xml", "");
        File.WriteAllBytes(Path.Combine(_workspace.Root, "vms", "b-binary.xml"), [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]);
        _workspace.Write("vms/c-dtd.xml", "<?xml version='1.0'?>\n<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<domain><name>&x;</name></domain>\n");
        _workspace.Write("vms/d-capabilities.xml", "<capabilities/>\n");
        _workspace.Write("vms/e-truncated.xml", "<domain type='kvm'>\n  <name>half</name>\n");
        _workspace.Write("vms/legacy-app.xml", IdeDomain);

        var result = _workspace.Run(["check", "vms", "missing-dir", "--fail-on", "none"], "", catalog: BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.Contains("missing-dir", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("vms/a-empty.xml:1:1: error VL0001 The file is empty; expected a libvirt XML document.", lines);
        Assert.Contains("vms/b-binary.xml:1:5: error VL0001 The file contains a NUL byte; it is binary, not XML.", lines);
        Assert.Contains("vms/c-dtd.xml:2:1: error VL0001 The document declares a DTD for 'domain', which VirtLint refuses to process for safety.", lines);
        Assert.Contains("vms/d-capabilities.xml:1:1: note VL0002 Root element 'capabilities' is not a libvirt domain, pool, volume, network or test-driver node; the file was skipped.", lines);
        Assert.Contains(lines, line => line.StartsWith("vms/e-truncated.xml:3:1: error VL0001 ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("vms/legacy-app.xml:12:25: warning VL1001 ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Corpus_as_sarif_is_schema_valid_with_relative_uris_and_regions()
    {
        var corpus = RequiredCorpus.Folder();
        var parent = Path.GetDirectoryName(Path.GetFullPath(corpus).TrimEnd(Path.DirectorySeparatorChar))!;
        var stdout = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Stdin = Stream.Null,
            Stdout = stdout,
            Stderr = new StringWriter(),
            CurrentDirectory = parent,
        };

        var exitCode = VirtLintApp.Run(["check", Path.GetFileName(corpus.TrimEnd(Path.DirectorySeparatorChar)), "--format", "sarif", "--fail-on", "none"], context, BuiltInRules.Catalog);

        Assert.Equal(ExitCodes.Clean, exitCode);
        var sarif = stdout.ToString();
        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema);
        Assert.Empty(schema.Validate(sarif));

        using var json = JsonDocument.Parse(sarif);
        var run = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            var artifact = location.GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.StartsWith("corpus/", uri, StringComparison.Ordinal);
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32() || region.GetProperty("endLine").GetInt32() > region.GetProperty("startLine").GetInt32());
            Assert.Matches("^[0-9a-f]{1,16}:[0-9]+$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!);
        }
    }

    [Fact]
    public void Shipped_assemblies_do_not_reference_the_compiler()
    {
        foreach (var assembly in new[] { typeof(BuiltInRules).Assembly, typeof(VirtLintApp).Assembly, typeof(Core.Linter).Assembly })
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), reference => reference.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    /// <summary>
    /// What `dotnet publish` ships (and what NativeAOT compiles) is the run-time assets of the tool's dependency
    /// manifest, <c>virtlint.deps.json</c>, which the build puts beside these tests: exactly the tool's own assemblies and
    /// two packages, none of the compiler's. A new dependency has to be added here on purpose.
    /// </summary>
    [Fact]
    public void The_published_dependency_list_is_the_tools_assemblies_and_two_packages()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "virtlint.deps.json")));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var libraries = deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject().ToList();

        var assemblies = libraries
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(a => Path.GetFileName(a.Name)) : [])
            .Order(StringComparer.Ordinal);
        // YamlDotNet ships: the engine reads .virtlint.yaml and --rules files with its event parser (no reflection serializer).
        Assert.Equal(
            ["System.CommandLine.dll", "VirtLint.Core.dll", "VirtLint.RuleLanguage.dll", "VirtLint.RuleRuntime.dll", "VirtLint.Rules.dll", "YamlDotNet.dll", "virtlint.dll"],
            assemblies);
        Assert.DoesNotContain(libraries, library => library.Value.TryGetProperty("native", out _));
        Assert.DoesNotContain(libraries, library => library.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }
}
