using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Tests.Support;
using VirtLint.Core;
using VirtLint.Rules;

namespace VirtLint.Cli.Tests;

/// <summary>
/// <c>virtlint check</c> on libvirt test-driver node files: every domain, pool, nested volume and network is linted
/// by its own rules, and each finding points at its line and column in the node file, in every format.
/// </summary>
public sealed class NodeFileTests : IDisposable
{
    private static readonly string SmallNode = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "VirtLint.Cli.Tests", "NodeFiles", "small-node.xml"));

    private static readonly string[] SchemaGate = ["VL0010", "VL0011", "VL0012"];

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private CliResult Check(params string[] args) => _workspace.Run(["check", .. args], "", catalog: BuiltInRules.Catalog);

    [Fact]
    public void Each_kind_of_inner_document_is_checked_at_its_line_in_the_node_file()
    {
        _workspace.Write("hosts/test-node.xml", SmallNode);

        var result = Check("hosts");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Contains("hosts/test-node.xml:26:27: warning VL1001 Disk 'hda' uses the emulated 'ide' bus; use 'virtio' (or 'scsi' on a virtio-scsi controller).", lines);
        Assert.Contains("hosts/test-node.xml:35:5: warning VL2002 Pool 'images' is 100% full: only '0' of '1000' bytes are available.", lines);
        Assert.Contains("hosts/test-node.xml:53:9: note VL3004 The qcow2 volume 'old.qcow2' is at compat level '0.10' (qcow2 version 2); set compat '1.1'.", lines);
        Assert.Contains("hosts/test-node.xml:60:5: note VL4012 Network 'default' does not name its bridge, so libvirt picks the next free 'virbrN' when it is defined.", lines);
        // The code frame shows the node file's own line.
        Assert.Contains(lines, line => line.EndsWith("|         <target dev='hda' bus='ide'/>", StringComparison.Ordinal));
        Assert.Contains("Checked 1 file: ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Volumes_under_a_pool_and_the_nodes_own_children_pass_the_schema_gate()
    {
        _workspace.Write("node.xml", SmallNode);

        var findings = Findings(Check("node.xml", "--format", "json", "--fail-on", "none"));

        Assert.DoesNotContain(findings, f => SchemaGate.Contains(f.Rule));
        // Both nested volumes were checked by the volume rules.
        Assert.Contains(("VL3002", 41, 7), findings.Select(f => (f.Rule, f.Line, f.Column)));
        Assert.Contains(("VL3004", 53, 9), findings.Select(f => (f.Rule, f.Line, f.Column)));
    }

    [Fact]
    public void Json_regions_point_into_the_node_file()
    {
        _workspace.Write("node.xml", SmallNode);

        var findings = Findings(Check("node.xml", "--format", "json"));

        Assert.Contains(("VL1001", "node.xml", 26, 27, 26, 36), findings.Select(f => (f.Rule, f.Path, f.Line, f.Column, f.EndLine, f.EndColumn)));
        Assert.Contains(("VL3004", "node.xml", 53, 9, 53, 16), findings.Select(f => (f.Rule, f.Path, f.Line, f.Column, f.EndLine, f.EndColumn)));
    }

    [Fact]
    public async Task Sarif_regions_point_into_the_node_file_and_the_log_is_schema_valid()
    {
        _workspace.Write("node.xml", SmallNode);

        var sarif = Check("node.xml", "--format", "sarif").Stdout;

        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema);
        Assert.Empty(schema.Validate(sarif));
        using var json = JsonDocument.Parse(sarif);
        var results = Assert.Single(json.RootElement.GetProperty("runs").EnumerateArray()).GetProperty("results").EnumerateArray().ToList();
        var regions = results.Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            return (r.GetProperty("ruleId").GetString(), location.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32());
        }).ToList();
        Assert.Contains(("VL2002", "node.xml", 35, 5, 35, 15), regions);
        Assert.Contains(("VL3004", "node.xml", 53, 9, 53, 16), regions);
        Assert.Contains(("VL4012", "node.xml", 60, 5, 60, 13), regions);
    }

    [Fact]
    public void Offsets_select_the_flagged_text_of_the_node_file()
    {
        var findings = new Linter(BuiltInRules.Catalog).Lint("node.xml", SmallNode);

        var bus = Assert.Single(findings, f => f.RuleId == "VL1001");
        Assert.Equal("bus='ide'", SmallNode[bus.StartOffset..bus.EndOffset]);
        var compat = Assert.Single(findings, f => f.RuleId == "VL3004");
        Assert.Equal("<compat", SmallNode[compat.StartOffset..compat.EndOffset]);
        Assert.Equal("pool[images]/volume[old.qcow2]/target/compat", compat.LogicalLocation);
    }

    [Fact]
    public void Suppressions_before_the_node_cover_every_document_and_those_before_an_inner_element_cover_it()
    {
        _workspace.Write("node.xml", """
            <?xml version='1.0'?>
            <!-- virtlint-disable-file VL1103 reason="the test host picks the CPU" -->
            <!-- virtlint-disable-file VL1205 reason="never needed" -->
            <node>
              <!-- virtlint-disable-next-element VL1001 reason="legacy guest" -->
              <domain type='kvm'>
                <name>a</name>
                <devices>
                  <disk type='file' device='disk'>
                    <target dev='hda' bus='ide'/>
                  </disk>
                  <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                </devices>
              </domain>
              <domain type='kvm'>
                <name>b</name>
                <devices>
                  <disk type='file' device='disk'>
                    <target dev='hda' bus='ide'/>
                  </disk>
                  <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
                </devices>
              </domain>
            </node>
            """);

        var findings = Findings(Check("node.xml", "--format", "json"));

        Assert.Equal(
            [(6, "comment"), (15, "comment")],
            findings.Where(f => f.Rule == "VL1103").Select(f => (f.Line, f.SuppressedBy)));
        Assert.Equal(
            [(10, "comment"), (19, null)],
            findings.Where(f => f.Rule == "VL1001").Select(f => (f.Line, f.SuppressedBy)));
        // The unused file-wide suppression is reported once, not once per document.
        var unused = Assert.Single(findings, f => f.Rule == "VL0022");
        Assert.Equal((3, 28, "Suppression of 'VL1205' (guest-agent-channel-missing) matched no finding; remove it."), (unused.Line, unused.Column, unused.Message));
    }

    [Fact]
    public void Suppression_comments_elsewhere_in_the_node_are_still_read()
    {
        _workspace.Write("node.xml", """
            <node>
              <!-- virtlint-disable-next-element VL1001 reason="nothing to suppress here" -->
              <cpu><nodes>1</nodes></cpu>
              <network><name>n</name><bridge name='virbr9'/></network>
              <!-- virtlint-disable-next-element VL1001 -->
            </node>
            """);

        var findings = Findings(Check("node.xml", "--format", "json", "--fail-on", "none"));

        Assert.Equal(
            [
                ("VL0022", 2, 38, "Suppression of 'VL1001' (disk-bus-not-virtio) matched no finding; remove it."),
                ("VL0024", 5, 8, "The 'virtlint-disable-next-element' comment is followed by no element at its level; put it just above the element to suppress."),
            ],
            findings.Select(f => (f.Rule, f.Line, f.Column, f.Message)));
    }

    [Fact]
    public void A_baseline_accepts_node_file_findings_by_document_and_a_new_finding_still_fails()
    {
        _workspace.Write("node.xml", SmallNode);
        Assert.Equal(ExitCodes.Clean, Check("node.xml", "--fail-on", "none").ExitCode);

        Assert.Equal(ExitCodes.Clean, _workspace.Run(["baseline", "create", "node.xml", "-o", "baseline.json"], "", catalog: BuiltInRules.Catalog).ExitCode);
        using (var baseline = JsonDocument.Parse(_workspace.Read("baseline.json")))
        {
            var locations = baseline.RootElement.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("rule").GetString(), e.GetProperty("location").GetString())).ToList();
            Assert.Contains(("VL3004", "pool[images]/volume[old.qcow2]/target/compat"), locations);
            Assert.Contains(("VL1001", "domain[legacy-app]/devices/disk[hda]/target/@bus"), locations);
        }

        var accepted = Check("node.xml", "--baseline", "baseline.json");
        Assert.Equal(ExitCodes.Clean, accepted.ExitCode);
        Assert.Contains("Checked 1 file: no problems found (9 in the baseline).", accepted.Stdout, StringComparison.Ordinal);

        // The same IDE disk in a second domain of the node file is a new finding.
        _workspace.Write("node.xml", SmallNode.Replace("  <pool type='dir'>", "  <domain type='kvm'><name>second</name><devices><disk type='file' device='disk'><target dev='hda' bus='ide'/></disk></devices></domain>\n  <pool type='dir'>", StringComparison.Ordinal));
        var changed = Check("node.xml", "--baseline", "baseline.json", "--select", "VL1001");
        Assert.Equal(ExitCodes.Findings, changed.ExitCode);
        Assert.Contains("node.xml:31:100: warning VL1001 Disk 'hda' uses the emulated 'ide' bus; use 'virtio' (or 'scsi' on a virtio-scsi controller).", changed.Stdout.Split('\n'));
    }

    [Fact]
    public void A_malformed_node_file_is_a_located_error()
    {
        _workspace.Write("node.xml", "<node>\n  <domain type='kvm'>\n    <name>web</name>\n  </domian>\n</node>\n");

        var result = Check("node.xml");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.StartsWith("node.xml:4:5: error VL0001 The 'domain' start tag on line 2 position 4 does not match the end tag of 'domian'.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_without_libvirt_documents_has_no_finding()
    {
        _workspace.Write("node.xml", "<node>\n  <cpu><nodes>1</nodes></cpu>\n  <memory>8388608</memory>\n</node>\n");

        var result = Check("node.xml");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Contains("Checked 1 file: no problems found.", result.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_libvirt_test_driver_node_is_linted_at_its_true_lines()
    {
        var node = TestNode();

        var result = _workspace.Run(["check", Path.GetRelativePath(RepositoryPaths.Root, node), "--fail-on", "none"], "", catalog: BuiltInRules.Catalog, currentDirectory: RepositoryPaths.Root);

        var shown = Path.GetRelativePath(RepositoryPaths.Root, node).Replace('\\', '/');
        var lines = result.Stdout.Split('\n');
        Assert.Contains($"{shown}:276:15: warning VL1010 Disk 'vdaa' reads '/my-file.img' from 'example.org' over plain 'http'; use 'https' or a local copy.", lines);
        Assert.Contains($"{shown}:1374:3: note VL4012 Network 'isolated_net' does not name its bridge, so libvirt picks the next free 'virbrN' when it is defined.", lines);
        Assert.Contains($"{shown}:1953:3: warning VL2002 Pool 'pool-test-full-pool' is 100% full: only '0' of '1' bytes are available.", lines);
        Assert.Contains($"{shown}:1620:7: note VL3004 The qcow2 volume 'aaa-unused.qcow2' is at compat level '0.10' (qcow2 version 2); set compat '1.1'.", lines);
        Assert.Contains($"{shown}:2302:15: error VL0012 Value 'dos' is not allowed for attribute 'type' of <format>; the closest allowed value is 'cow'.", lines);
        Assert.DoesNotContain(lines, line => line.Contains(" VL0010 ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The strongest check of the line info: each domain, network and volume of the test-driver node, cut out of it
    /// line for line into a file of its own, has exactly the findings it has inside the node file, shifted by its
    /// first line. (Pools are left out: cut out, they would still hold their volumes.)
    /// </summary>
    [SkippableFact]
    public void Inner_documents_have_the_findings_they_have_as_standalone_files()
    {
        var text = File.ReadAllText(TestNode());
        var linter = new Linter(BuiltInRules.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        // Per-document findings only: cross-document ones depend on the other documents of the run by design.
        var inNode = linter.Lint("node.xml", text).Where(f => f.Rule.Target != "workspace").ToList();
        var lines = text.Split('\n');
        var documents = DocumentLoader.Load("node.xml", System.Text.Encoding.UTF8.GetBytes(text), BuiltInRules.Catalog).Documents;
        Assert.Equal((14, 15, 16), (documents.Count(d => d.Kind == DocumentKind.Domain), documents.Count(d => d.Kind == DocumentKind.Pool), documents.Count(d => d.Kind == DocumentKind.Network)));

        var compared = 0;
        foreach (var document in documents.Where(d => d.Kind != DocumentKind.Pool))
        {
            var first = ((System.Xml.IXmlLineInfo)document.Root).LineNumber;
            var indent = lines[first - 1][..lines[first - 1].IndexOf('<')];
            var last = Array.FindIndex(lines, first, l => l.TrimEnd('\r') == $"{indent}</{document.Root.Name.LocalName}>") + 1;
            Assert.True(last > first, $"no end tag for the {document.Kind} at line {first}");
            var standalone = linter.Lint("alone.xml", string.Join('\n', lines[(first - 1)..last])).Where(f => f.Rule.Target != "workspace");
            var expected = standalone.Select(f => (f.RuleId, f.Span.StartLine + first - 1, f.Span.StartColumn, f.Span.EndLine + first - 1, f.Span.EndColumn, f.Message)).ToList();
            var actual = inNode.Where(f => f.Span.StartLine >= first && f.Span.StartLine <= last)
                .Select(f => (f.RuleId, f.Span.StartLine, f.Span.StartColumn, f.Span.EndLine, f.Span.EndColumn, f.Message)).ToList();
            Assert.Equal(expected, actual);
            compared += expected.Count;
        }

        Assert.True(compared > 20, $"only {compared} findings compared");
    }

    private static string TestNode()
    {
        if (File.Exists(RepositoryPaths.TestNode)) return RepositoryPaths.TestNode;
        var message = $"The libvirt test-driver node file is missing at '{RepositoryPaths.TestNode}'.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        throw new SkipException(message);
    }

    private sealed record JsonFinding(string Rule, string Path, int Line, int Column, int EndLine, int EndColumn, string Message, string? SuppressedBy);

    private static List<JsonFinding> Findings(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray().Select(f => new JsonFinding(
            f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!,
            f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("endLine").GetInt32(), f.GetProperty("endColumn").GetInt32(),
            f.GetProperty("message").GetString()!,
            f.TryGetProperty("suppressed", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("by").GetString() : null)).ToList();
    }
}
