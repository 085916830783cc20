using System.Text;
using VirtLint.Core.Baselines;

namespace VirtLint.Core.Tests.Baselines;

public sealed class BaselineFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("virtlint-baseline-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly BaselineIdentity Cache = new("vms/web01.xml", "VL1003", "domain[web01]/devices/disk[vda]/driver/@cache", "1111111111111111");
    private static readonly BaselineIdentity Bus = new("vms/web01.xml", "VL1001", "domain[web01]/devices/disk[hda]/target/@bus", "2222222222222222");
    private static readonly BaselineIdentity Pool = new("pools/isos.xml", "VL2001", "pool[isos]", "3333333333333333");

    [Fact]
    public void Writes_sorted_deterministic_json_and_reads_it_back()
    {
        var baseline = Baseline.Create([Cache, Bus, Pool, Cache]);
        var text = BaselineFile.Serialize(baseline);
        Assert.Equal("""
            {
              "version": 1,
              "entries": [
                {
                  "file": "pools/isos.xml",
                  "rule": "VL2001",
                  "location": "pool[isos]",
                  "hash": "3333333333333333"
                },
                {
                  "file": "vms/web01.xml",
                  "rule": "VL1001",
                  "location": "domain[web01]/devices/disk[hda]/target/@bus",
                  "hash": "2222222222222222"
                },
                {
                  "file": "vms/web01.xml",
                  "rule": "VL1003",
                  "location": "domain[web01]/devices/disk[vda]/driver/@cache",
                  "hash": "1111111111111111"
                },
                {
                  "file": "vms/web01.xml",
                  "rule": "VL1003",
                  "location": "domain[web01]/devices/disk[vda]/driver/@cache",
                  "hash": "1111111111111111"
                }
              ]
            }

            """, text);
        Assert.Equal(text, BaselineFile.Serialize(Baseline.Create([Pool, Cache, Cache, Bus])));

        var path = Path.Combine(_directory, ".virtlint-baseline.json");
        BaselineFile.Write(path, baseline);
        Assert.Equal(baseline.Entries, BaselineFile.Read(path).Entries);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Rewriting_keeps_the_file_mode()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes only
        var path = Path.Combine(_directory, "baseline.json");
        BaselineFile.Write(path, Baseline.Create([Cache]));
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        File.SetUnixFileMode(path, mode);
        BaselineFile.Write(path, Baseline.Create([Cache, Bus]));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(2, BaselineFile.Read(path).Entries.Count);
    }

    [Fact]
    public void A_newer_format_version_is_refused_whatever_the_key_order()
    {
        var error = Assert.Throws<BaselineException>(() => Parse("{\n  \"entries\": [{\"fingerprint\": \"abc\"}],\n  \"version\": 2\n}\n"));
        Assert.Equal("b.json:3:14: The baseline has format version 2, written by a newer VirtLint; this VirtLint reads version 1. Upgrade VirtLint, or recreate the baseline with 'virtlint baseline create'.", error.ToString());
    }

    [Theory]
    [InlineData("", "b.json:1:1: The baseline is empty; expected {\"version\": 1, \"entries\": [...]}.")]
    [InlineData(" \n", "b.json:1:1: The baseline is empty; expected {\"version\": 1, \"entries\": [...]}.")]
    [InlineData("{\n  \"version\": 1,\n  \"entries\": [\n    {\"file\": \"a.xml\",}\n  ]\n}", "b.json:4:22: The baseline is not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("[]", "b.json:1:1: A baseline is a JSON object with 'version' and 'entries'.")]
    [InlineData("{\"entries\": []}", "b.json:1:1: The baseline has no 'version'; expected \"version\": 1.")]
    [InlineData("{\"version\": \"1\", \"entries\": []}", "b.json:1:13: 'version' is a positive whole number.")]
    [InlineData("{\"version\": 1, \"entrys\": []}", "b.json:1:16: Unknown key 'entrys'; did you mean 'entries'? A baseline has 'version' and 'entries'.")]
    [InlineData("{\"version\": 1, \"entries\": {}}", "b.json:1:27: 'entries' is a list of {\"file\", \"rule\", \"location\", \"hash\"} objects.")]
    [InlineData("{\"version\": 1,\n \"entries\": [\n  {\"file\": \"a.xml\", \"rule\": \"VL1001\", \"location\": \"domain[a]\"}\n]}", "b.json:3:3: This entry has no 'hash'.")]
    [InlineData("{\"version\": 1,\n \"entries\": [\n  {\"file\": \"a.xml\", \"rule\": 1001, \"location\": \"\", \"hash\": \"ab\"}\n]}", "b.json:3:29: 'rule' is a string.")]
    [InlineData("{\"version\": 1, \"entries\": [{\"file\": \"é.xml\", \"rules\": \"VL1001\"}]}", "b.json:1:46: Unknown key 'rules' in an entry; did you mean 'rule'? An entry has 'file', 'rule', 'location' and 'hash'.")]
    [InlineData("{\"version\": 1, \"entries\": []} {}", "b.json:1:31: The baseline is not valid JSON: '{' is invalid after a single JSON value. Expected end of data.")]
    public void Malformed_files_are_located_errors(string json, string expected) =>
        Assert.Equal(expected, Assert.Throws<BaselineException>(() => Parse(json)).ToString());

    [Fact]
    public void A_missing_file_is_an_error_not_an_empty_baseline() =>
        Assert.StartsWith("Cannot read the baseline:", Assert.Throws<BaselineException>(() => BaselineFile.Read(Path.Combine(_directory, "missing.json"))).Message);

    [Fact]
    public void A_byte_order_mark_is_accepted() =>
        Assert.Single(BaselineFile.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(BaselineFile.Serialize(Baseline.Create([Pool])))], "b.json").Entries);

    private static Baseline Parse(string json) => BaselineFile.Parse(Encoding.UTF8.GetBytes(json), "b.json");
}
