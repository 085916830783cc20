using System.Text.Json;
using static VirtLint.Cli.Tests.Adoption.AdoptionWorkspace;

namespace VirtLint.Cli.Tests.Adoption;

public sealed class SuppressionCliTests : IDisposable
{
    private const string CommentOnDisk = """
            <!-- virtlint-disable-next-element VL1001 reason="installer image without virtio drivers" until=2099-12-31 -->
            <disk type='file' device='disk'>
        """;

    private const string MetadataOnVnc = """
          <name>web01</name>
          <metadata>
            <vl:suppress xmlns:vl="urn:virtlint:suppress:1" rule="VL1202" target="devices/graphics[@type='vnc']" reason="console reachable only through the bastion"/>
          </metadata>
        """;

    private readonly AdoptionWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string Domain(bool comment = false, bool metadata = false)
    {
        var text = AdoptionWorkspace.Domain;
        if (comment) text = text.Replace("    <disk type='file' device='disk'>\n", CommentOnDisk.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal);
        if (metadata) text = text.Replace("  <name>web01</name>\n", MetadataOnVnc.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public void A_comment_suppresses_the_next_element_and_the_json_report_says_by_what_and_why()
    {
        _workspace.Write("vm.xml", Domain(comment: true));

        var concise = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001");
        Assert.Equal(ExitCodes.Clean, concise.ExitCode);
        Assert.Equal("Checked 1 file: no problems found (1 suppressed).\n", concise.Stdout);

        using var json = JsonDocument.Parse(_workspace.Run("check", "vm.xml", "-f", "json", "--select", "VL1001").Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal("VL1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal(12, finding.GetProperty("line").GetInt32());
        var suppressed = finding.GetProperty("suppressed");
        Assert.Equal("comment", suppressed.GetProperty("by").GetString());
        Assert.Equal("installer image without virtio drivers", suppressed.GetProperty("reason").GetString());
        Assert.Equal("2099-12-31", suppressed.GetProperty("until").GetString());
    }

    [Fact]
    public void A_file_comment_before_the_root_suppresses_a_rule_in_the_whole_document()
    {
        _workspace.Write("vm.xml", "<!-- virtlint-disable-file VL1205 VL1206 reason=\"appliance image without agent or RNG\" -->\n" + Domain());

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1205,VL1206,VL1001");

        Assert.Equal([$"vm.xml:12:25: warning {IdeBus}"], Findings(result));
        Assert.Contains("(2 suppressed)", result.Stdout);
    }

    [Fact]
    public void Metadata_suppresses_its_target_and_survives_where_comments_do_not()
    {
        _workspace.Write("vm.xml", Domain(metadata: true));

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1202,VL1001");

        Assert.Equal([$"vm.xml:14:25: warning {IdeBus}"], Findings(result));
        Assert.Contains("(1 suppressed)", result.Stdout);
        using var json = JsonDocument.Parse(_workspace.Run("check", "vm.xml", "-f", "json", "--select", "VL1202").Stdout);
        Assert.Equal("metadata", json.RootElement.GetProperty("findings")[0].GetProperty("suppressed").GetProperty("by").GetString());
    }

    [Fact]
    public void A_config_ignore_suppresses_a_rule_in_the_files_it_names()
    {
        _workspace.Write("vm.xml", Domain());
        _workspace.Write(".virtlint.yaml", "ignores:\n  - rule: VL1001\n    files: [\"vm.xml\"]\n    reason: \"read-only install media\"\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "json", "--select", "VL1001");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var suppressed = json.RootElement.GetProperty("findings")[0].GetProperty("suppressed");
        Assert.Equal("config", suppressed.GetProperty("by").GetString());
        Assert.Equal("read-only install media", suppressed.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("until").ValueKind);
    }

    [Fact]
    public void No_inline_suppressions_ignores_comments_and_metadata_but_not_config_ignores()
    {
        _workspace.Write("vm.xml", Domain(comment: true, metadata: true));
        _workspace.Write(".virtlint.yaml", "ignores:\n  - rule: VL1103\n    files: [\"*.xml\"]\n    reason: \"CPU model set by the cloud template\"\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001,VL1202,VL1103", "--no-inline-suppressions");

        Assert.Equal([$"vm.xml:15:25: warning {IdeBus}", $"vm.xml:17:51: warning {VncOpen}"], Findings(result));
        Assert.Contains("(1 suppressed)", result.Stdout);
    }

    [Fact]
    public void A_suppression_without_reason_naming_an_unknown_rule_or_suppressing_nothing_is_reported()
    {
        _workspace.Write("vm.xml", Domain().Replace(
            "    <disk type='file' device='disk'>\n",
            "    <!-- virtlint-disable-next-element VL1001 disk-bus-not-virtoi -->\n    <!-- virtlint-disable-next-element VL1003 reason=\"cache mode is fine\" -->\n    <disk type='file' device='disk'>\n",
            StringComparison.Ordinal));

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001,VL1003");

        Assert.Equal(
        [
            "vm.xml:8:10: warning VL0020 Suppression of 'VL1001, disk-bus-not-virtoi' gives no reason; add reason=\"…\" saying why the finding is accepted.",
            "vm.xml:8:47: warning VL0021 Suppression names 'disk-bus-not-virtoi', which is not a rule; the closest is 'disk-bus-not-virtio'.",
            "vm.xml:9:40: warning VL0022 Suppression of 'VL1003' (disk-cache-not-none) matched no finding; remove it.",
        ], Findings(result));
        Assert.Equal(ExitCodes.Findings, result.ExitCode);
    }

    [Fact]
    public void An_expired_suppression_is_reported_and_stops_applying()
    {
        _workspace.Write("vm.xml", Domain().Replace(
            "    <disk type='file' device='disk'>\n",
            "    <!-- virtlint-disable-next-element VL1001 reason=\"until the driver update\" until=2020-01-31 -->\n    <disk type='file' device='disk'>\n",
            StringComparison.Ordinal));

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001");

        Assert.Equal(
        [
            "vm.xml:8:86: warning VL0023 Suppression of 'VL1001' expired after '2020-01-31' and no longer applies; fix the finding or move 'until' forward with a reason.",
            $"vm.xml:12:25: warning {IdeBus}",
        ], Findings(result));
    }

    [Fact]
    public void Unused_and_expired_config_ignores_are_reported_in_the_config_file()
    {
        _workspace.Write("vm.xml", Domain());
        _workspace.Write(".virtlint.yaml", "ignores:\n  - rule: VL1003\n    files: [\"vm.xml\"]\n    reason: \"no longer needed\"\n  - rule: VL1001\n    files: [\"vm.xml\"]\n    reason: \"old\"\n    until: 2020-01-31\n");

        var result = _workspace.Run("check", "vm.xml", "-f", "concise", "--select", "VL1001,VL1003");

        // The config file's problems are known only once every file is linted, and files are written as they arrive: they come last.
        Assert.Equal(
        [
            $"vm.xml:11:25: warning {IdeBus}",
            ".virtlint.yaml:2:5: warning VL0022 Ignore of 'VL1003' (disk-cache-not-none) matched no finding in the linted files it names; remove it.",
            ".virtlint.yaml:5:5: warning VL0023 Ignore of 'VL1001' expired after '2020-01-31' and no longer applies; fix the findings or move 'until' forward with a reason.",
        ], Findings(result));
    }

    [Fact]
    public void Suppressed_findings_stay_out_of_sarif_unless_asked_for_with_their_justification()
    {
        _workspace.Write("vm.xml", Domain(comment: true));

        using var plain = JsonDocument.Parse(_workspace.Run("check", "vm.xml", "-f", "sarif", "--select", "VL1001").Stdout);
        Assert.Equal(0, plain.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());

        using var included = JsonDocument.Parse(_workspace.Run("check", "vm.xml", "-f", "sarif", "--select", "VL1001", "--sarif-include-suppressed").Stdout);
        var result = included.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        var suppression = result.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("installer image without virtio drivers (until 2099-12-31)", suppression.GetProperty("justification").GetString());
    }
}
