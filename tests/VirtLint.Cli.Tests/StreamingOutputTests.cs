using System.Text.Json;
using System.Xml.Linq;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

/// <summary>Reports are written while files are linted; a report that cannot be written does not stop the others.</summary>
public sealed class StreamingOutputTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_streamed_report_that_cannot_be_opened_is_reported_and_every_other_report_is_written_whole()
    {
        _workspace.Write("web.xml", Fixtures.IdeDisk);

        var result = _workspace.Run("check", "web.xml", "-f", "sarif=missing/virtlint.sarif", "-f", "json=virtlint.json", "-f", "junit=junit.xml");

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: missing/virtlint.sarif: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_workspace.PathOf("missing")));
        using var json = JsonDocument.Parse(_workspace.Read("virtlint.json"));
        Assert.Equal("VL1001", json.RootElement.GetProperty("findings")[0].GetProperty("ruleId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal("1", (string?)XDocument.Parse(_workspace.Read("junit.xml")).Root!.Attribute("failures"));
    }

    [Fact]
    public void Many_files_stream_into_json_and_sarif_in_path_order_with_the_same_findings()
    {
        // More files than the linter's window, so files finish out of order and wait for their turn.
        for (var i = 0; i < 150; i++) _workspace.Write($"vms/{(i * 7) % 150:D3}.xml", i % 2 == 0 ? Fixtures.IdeDisk : Fixtures.Clean);

        var result = _workspace.Run("check", "vms", "-f", "json=r.json", "-f", "sarif=r.sarif");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        using var json = JsonDocument.Parse(_workspace.Read("r.json"));
        var jsonPaths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToArray();
        // File (i * 7) % 150 got the flagged disk when i is even: exactly the even-numbered files.
        Assert.Equal(Enumerable.Range(0, 150).Where(p => p % 2 == 0).Select(p => $"vms/{p:D3}.xml"), jsonPaths);
        Assert.Equal((150, 75), (json.RootElement.GetProperty("summary").GetProperty("files").GetInt32(), json.RootElement.GetProperty("summary").GetProperty("findings").GetInt32()));
        using var sarif = JsonDocument.Parse(_workspace.Read("r.sarif"));
        var sarifPaths = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).ToArray();
        Assert.Equal(jsonPaths, sarifPaths);
    }

    [Fact]
    public void Text_checkstyle_and_gitlab_stream_in_path_order_with_frames_and_counts_kept_without_the_findings()
    {
        // More files than the linter's window, so files finish out of order; no file's text is kept past its turn,
        // yet every text finding still has its code frame.
        for (var i = 0; i < 150; i++) _workspace.Write($"vms/{(i * 7) % 150:D3}.xml", i % 2 == 0 ? Fixtures.IdeDisk : Fixtures.Clean);
        var flagged = Enumerable.Range(0, 150).Where(i => i % 2 == 0).Select(i => $"vms/{(i * 7) % 150:D3}.xml").Order(StringComparer.Ordinal).ToArray();

        var result = _workspace.Run("check", "vms", "-f", "text", "-f", "checkstyle=r.xml", "-f", "gitlab=r.json", "--statistics");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        var headers = lines.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("vms/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(flagged.Select(p => $"{p}:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'."), headers.Select(h => h.line));
        Assert.All(headers, h => Assert.StartsWith("5 |", lines[h.index + 2], StringComparison.Ordinal));
        Assert.EndsWith("""
            count  rule    severity  name
               75  VL1001  warning   disk-bus-not-virtio

            Checked 150 files: 75 warnings.
            Failed by 1 rule: VL1001 disk-bus-not-virtio (75).

            """, result.Stdout, StringComparison.Ordinal);

        var files = XDocument.Parse(_workspace.Read("r.xml")).Root!.Elements("file").ToArray();
        Assert.Equal(Enumerable.Range(0, 150).Select(i => $"vms/{i:D3}.xml"), files.Select(f => (string?)f.Attribute("name")));
        Assert.Equal(75, files.Sum(f => f.Elements("error").Count()));
        using var gitlab = JsonDocument.Parse(_workspace.Read("r.json"));
        var issues = gitlab.RootElement.EnumerateArray().ToArray();
        Assert.Equal(flagged, issues.Select(i => i.GetProperty("location").GetProperty("path").GetString()));

        // Identical lines in different files: the fingerprints differ by path.
        Assert.Equal(75, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void GitHub_JUnit_and_uncapped_SARIF_keep_findings_on_disk_and_write_them_whole_in_report_order()
    {
        // These three can only write at the end of the run; their findings wait in a temporary file, not in memory.
        for (var i = 0; i < 150; i++) _workspace.Write($"vms/{(i * 7) % 150:D3}.xml", i % 3 == 0 ? Fixtures.VncAnyInterface : i % 3 == 1 ? Fixtures.IdeDisk : Fixtures.Clean);
        string Kind(int file) => (Enumerable.Range(0, 150).First(i => (i * 7) % 150 == file) % 3) switch { 0 => "vnc", 1 => "ide", _ => "clean" };
        var vnc = Enumerable.Range(0, 150).Where(f => Kind(f) == "vnc").Select(f => $"vms/{f:D3}.xml").ToArray();
        var ide = Enumerable.Range(0, 150).Where(f => Kind(f) == "ide").Select(f => $"vms/{f:D3}.xml").ToArray();

        var result = _workspace.Run("check", "vms", "-f", "github=g.txt", "-f", "junit=j.xml", "-f", "sarif=s.sarif", "--sarif-max-results", "0");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var annotations = _workspace.Read("g.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            vnc.Select(p => $"::error file={p},line=4,col=26,endLine=4,endColumn=42,title=VL1002 vnc-listens-on-all-interfaces::VNC listens on '0.0.0.0', reachable from every network.")
                .Concat(ide.Select(p => $"::warning file={p},line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::Disk 'vda' uses bus 'ide'; use 'virtio'.")),
            annotations);

        var junit = XDocument.Parse(_workspace.Read("j.xml")).Root!;
        Assert.Equal(["150", "100", "0"], new[] { "tests", "failures", "errors" }.Select(a => (string?)junit.Attribute(a)));
        var suites = junit.Elements("testsuite").ToArray();
        Assert.Equal(Enumerable.Range(0, 150).Select(f => $"vms/{f:D3}.xml"), suites.Select(s => (string?)s.Attribute("name")));
        Assert.Equal(
            Enumerable.Range(0, 150).Select(f => Kind(f) switch { "vnc" => "VL1002 vnc-listens-on-all-interfaces", "ide" => "VL1001 disk-bus-not-virtio", _ => JUnitFormatterName }),
            suites.Select(s => (string?)s.Element("testcase")!.Attribute("name")));

        using var sarif = JsonDocument.Parse(_workspace.Read("s.sarif"));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(
            vnc.Concat(ide).Order(StringComparer.Ordinal),
            results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        Assert.All(results, r => Assert.Matches("^[0-9a-f]+:1$", r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()));
    }

    private const string JUnitFormatterName = VirtLint.Cli.Formats.JUnitFormatter.CleanCaseName;
}
