using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Sarif;

public sealed class SarifFormatterTests : IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly List<JsonDocument> _documents = [];

    public void Dispose()
    {
        foreach (var document in _documents) document.Dispose();
        _workspace.Dispose();
    }

    /// <summary>Runs <c>check --format sarif</c> and returns the log's only run (GitHub rejects more than one).</summary>
    private (CliResult Result, JsonElement Run, JsonElement Log) RunSarif(string[] args, string stdin = "")
    {
        var result = _workspace.Run(["check", .. args, "--format", "sarif"], stdin);
        var document = JsonDocument.Parse(result.Stdout);
        _documents.Add(document);
        var runs = document.RootElement.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        return (result, runs[0], document.RootElement);
    }

    [Fact]
    public async Task Report_with_findings_validates_against_the_SARIF_2_1_0_schema()
    {
        _workspace.Write("my vms/web server.xml", Fixtures.IdeDisk);
        _workspace.Write("desk.xml", Fixtures.VncAnyInterface);
        _workspace.Write("broken.xml", Fixtures.NotWellFormed);

        var result = _workspace.Run(["check", ".", "-", "--format", "sarif", "--sarif-category", "libvirt"], stdin: Fixtures.LocalClock);

        await AssertValidSarif(result.Stdout);
    }

    [Fact]
    public async Task Clean_report_validates_and_has_an_empty_results_array()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var (result, run, _) = RunSarif(["web.xml"]);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        await AssertValidSarif(result.Stdout);
        Assert.Equal(JsonValueKind.Array, run.GetProperty("results").ValueKind);
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Schema_check_rejects_a_log_that_breaks_the_schema()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);
        var valid = _workspace.Run("check", "web.xml", "--format", "sarif").Stdout;

        // Guards the other schema tests against passing vacuously: a result without a message is invalid SARIF.
        var broken = valid.Replace("\"message\": {", "\"note\": {", StringComparison.Ordinal);

        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema);
        Assert.NotEqual(valid, broken);
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void Log_declares_schema_version_and_the_driver()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var (_, run, log) = RunSarif(["web.xml"]);

        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("VirtLint", driver.GetProperty("name").GetString());
        Assert.Equal(VirtLintApp.Version, driver.GetProperty("semanticVersion").GetString());
        Assert.DoesNotContain('+', VirtLintApp.Version);
        Assert.Equal("https://github.com/virtlint/virtlint", driver.GetProperty("informationUri").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
        Assert.False(run.TryGetProperty("automationDetails", out _));

        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString();
        Assert.Equal(new Uri(_workspace.Root + "/").AbsoluteUri, root);
        Assert.StartsWith("file:///", root);
        Assert.EndsWith("/", root);
    }

    [Fact]
    public void Every_catalog_rule_is_described_in_catalog_order()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var (_, run, _) = RunSarif(["web.xml"]);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(["VL0001", "VL0002", "VL1001", "VL1002", "VL1003"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            ["XmlNotWellFormed", "NotALibvirtDocument", "DiskBusNotVirtio", "VncListensOnAllInterfaces", "ClockOffsetLocaltime"],
            rules.Select(r => r.GetProperty("name").GetString()));

        var disk = rules[2];
        Assert.Equal("Disk uses an emulated bus", disk.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("Reports disk uses an emulated bus.", disk.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal("warning", disk.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal(["performance", "disk"], disk.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("very-high", disk.GetProperty("properties").GetProperty("precision").GetString());
        Assert.False(disk.GetProperty("properties").TryGetProperty("security-severity", out _));
        Assert.Equal("""
            ## What it does

            Reports disk uses an emulated bus.

            ## Why is this bad?

            It makes the guest slower or less safe.

            ## Example

            ```xml
            <disk type='file'>
              <target dev='vda' bus='ide'/>
            </disk>
            ```

            ## Use instead

            ```xml
            <disk type='file'>
              <target dev='vda' bus='virtio'/>
            </disk>
            ```

            ## References

            - https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms
            """, disk.GetProperty("help").GetProperty("markdown").GetString());
        Assert.Equal("""
            What it does
              Reports disk uses an emulated bus.

            Why is this bad?
              It makes the guest slower or less safe.

            Example
                <disk type='file'>
                  <target dev='vda' bus='ide'/>
                </disk>

            Use instead
                <disk type='file'>
                  <target dev='vda' bus='virtio'/>
                </disk>

            References
              - https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms
            """, disk.GetProperty("help").GetProperty("text").GetString());

        var vnc = rules[3];
        Assert.Equal("error", vnc.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("7.5", vnc.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("high", vnc.GetProperty("properties").GetProperty("precision").GetString());
        Assert.Equal(["security", "graphics"], vnc.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Result_carries_rule_level_message_relative_uri_region_and_fingerprint()
    {
        _workspace.Write("my vms/web server.xml", Fixtures.IdeDisk);

        var (result, run, _) = RunSarif(["my vms"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var sarifResult = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("VL1001", sarifResult.GetProperty("ruleId").GetString());
        Assert.Equal(2, sarifResult.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("warning", sarifResult.GetProperty("level").GetString());
        Assert.Equal("Disk 'vda' uses bus 'ide'; use 'virtio'.", sarifResult.GetProperty("message").GetProperty("text").GetString());

        var location = Assert.Single(sarifResult.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("my%20vms/web%20server.xml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((5, 25, 5, 34), (
            region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));

        var fingerprint = sarifResult.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString();
        Assert.Equal(LineHashes.Compute(Fixtures.IdeDisk)[4], fingerprint);
        Assert.Matches("^[0-9a-f]{1,16}:1$", fingerprint);
    }

    [Fact]
    public void Every_result_has_one_relative_location_with_region_and_fingerprint_and_a_matching_rule_index()
    {
        _workspace.Write("vms/desk.xml", Fixtures.VncAnyInterface);
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        _workspace.Write("broken.xml", Fixtures.NotWellFormed);

        var (_, run, _) = RunSarif(["broken.xml", "vms", "-"], stdin: Fixtures.LocalClock);

        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToArray();
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(
            ["stdin VL1003 note 3", "broken.xml VL0001 error 2", "vms/desk.xml VL1002 error 4", "vms/web.xml VL1001 warning 5"],
            results.Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()} {r.GetProperty("ruleId").GetString()} " +
                       $"{r.GetProperty("level").GetString()} {location.GetProperty("region").GetProperty("startLine").GetInt32()}";
            }));
        foreach (var result in results)
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.False(Uri.TryCreate(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), UriKind.Absolute, out _));
            Assert.True(location.GetProperty("region").GetProperty("endColumn").GetInt32() > location.GetProperty("region").GetProperty("startColumn").GetInt32());
            Assert.Matches("^[0-9a-f]{1,16}:[1-9][0-9]*$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        }
    }

    [Fact]
    public void Category_option_sets_automation_details_id()
    {
        _workspace.Write("web.xml", Fixtures.Clean);

        var (_, run, _) = RunSarif(["web.xml", "--sarif-category", "libvirt-domains"]);

        Assert.Equal("libvirt-domains/", run.GetProperty("automationDetails").GetProperty("id").GetString());
    }

    [Fact]
    public void Output_option_writes_the_same_SARIF_to_a_file()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var toStdout = _workspace.Run("check", "web.xml", "--format", "sarif");
        var toFile = _workspace.Run("check", "web.xml", "--format", "sarif", "--output", "virtlint.sarif");

        Assert.Equal(ExitCodes.Findings, toFile.ExitCode);
        Assert.Equal("", toFile.Stdout);
        Assert.Equal(toStdout.Stdout, _workspace.Read("virtlint.sarif"));
    }

    private static async Task AssertValidSarif(string json)
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema);
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }
}
