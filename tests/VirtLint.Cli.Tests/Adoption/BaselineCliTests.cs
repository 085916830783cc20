using System.Text.Json;
using VirtLint.Cli.Tests.Support;
using static VirtLint.Cli.Tests.Adoption.AdoptionWorkspace;

namespace VirtLint.Cli.Tests.Adoption;

public sealed class BaselineCliTests : IDisposable
{
    private const string Baseline = ".virtlint-baseline.json";
    private const string SecondDisk = """
            <disk type='file' device='disk'>
              <source file='/var/lib/libvirt/images/data.img'/>
              <target dev='sdb' bus='sata'/>
            </disk>

        """;

    private readonly AdoptionWorkspace _workspace = new();

    public BaselineCliTests()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain));
        var created = _workspace.Run("baseline", "create", "vms", "-o", Baseline);
        Assert.Equal(ExitCodes.Clean, created.ExitCode);
        Assert.Equal("virtlint: wrote .virtlint-baseline.json: 9 entries for 1 file.\n", created.Stderr);
    }

    public void Dispose() => _workspace.Dispose();

    private static string WithSecondDisk(string domain) =>
        domain.Replace("    <graphics", SecondDisk.ReplaceLineEndings("\n") + "    <graphics", StringComparison.Ordinal);

    private CliResult Check(params string[] extra) => _workspace.Run(["check", "vms", "-f", "concise", "--baseline", Baseline, .. extra]);

    [Fact]
    public void A_fresh_baseline_accepts_every_finding()
    {
        var result = Check();

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("Checked 1 file: no problems found (9 in the baseline).\n", result.Stdout);
        var entry = JsonDocument.Parse(_workspace.Read(Baseline)).RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("rule").GetString() == "VL1001" && e.GetProperty("location").GetString()!.Contains("hda", StringComparison.Ordinal));
        Assert.Equal("vms/web01.xml", entry.GetProperty("file").GetString());
        Assert.Equal("domain[web01]/devices/disk[hda]/target/@bus", entry.GetProperty("location").GetString());
    }

    [Fact]
    public void Identities_do_not_depend_on_the_sarif_root()
    {
        var result = Check("--sarif-root", "vms");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("Checked 1 file: no problems found (9 in the baseline).\n", result.Stdout);
    }

    [Fact]
    public void A_new_problem_is_reported_alone()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain).Replace("cache='none'", "cache='unsafe'", StringComparison.Ordinal));

        var result = Check("--select", "VL1004,VL1001,VL1202");

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        var findings = Findings(result);
        Assert.Single(findings);
        Assert.StartsWith("vms/web01.xml:9:", findings[0]);
        Assert.Contains("VL1004", findings[0]);
    }

    [Fact]
    public void Inserted_lines_reindentation_reordered_attributes_and_reordered_devices_do_not_resurface()
    {
        var edited = "<!-- managed by the provisioning pipeline -->\n\n" + WithSecondDisk(Domain)
            .Replace("<target dev='hda' bus='ide'/>", "<target   bus='ide'\n                dev='hda'/>", StringComparison.Ordinal)
            .Replace("<graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0'/>", "<graphics listen='0.0.0.0' autoport='yes' port='-1' type='vnc'/>", StringComparison.Ordinal);
        // Move the second disk above the first one.
        var second = SecondDisk.ReplaceLineEndings("\n");
        edited = edited.Replace(second, "", StringComparison.Ordinal).Replace("  <devices>\n", "  <devices>\n" + second, StringComparison.Ordinal);
        _workspace.Write("vms/web01.xml", edited);

        var result = Check();

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("Checked 1 file: no problems found (9 in the baseline).\n", result.Stdout);
    }

    [Fact]
    public void A_changed_value_resurfaces_and_its_old_entry_is_reported_unused()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain).Replace("bus='ide'", "bus='usb'", StringComparison.Ordinal));

        var result = Check();

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Equal(
        [
            "vms/web01.xml:1:1: note VL0026 Baseline entry for VL1001 at 'domain[web01]/devices/disk[hda]/target/@bus' matched no finding: the problem was fixed or its value changed; drop the entry with 'virtlint baseline prune'.",
            "vms/web01.xml:11:25: warning VL1001 Disk 'hda' uses the emulated 'usb' bus; use 'virtio' (or 'scsi' on a virtio-scsi controller).",
        ], Findings(result));
    }

    [Fact]
    public void Unused_entries_are_notes_unless_strict_baseline_and_prune_drops_them()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain).Replace("bus='ide'", "bus='virtio'", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Clean, Check().ExitCode);
        var strict = Check("--strict-baseline");
        Assert.Equal(ExitCodes.Findings, strict.ExitCode);
        Assert.Contains("Failed by 1 rule: VL0026 baseline-entry-unused (1).", strict.Stdout);

        var pruned = _workspace.Run("baseline", "prune", "vms", "-o", Baseline);
        Assert.Equal(ExitCodes.Clean, pruned.ExitCode);
        Assert.Equal("virtlint: wrote .virtlint-baseline.json: 8 entries (was 9) for 1 file.\n", pruned.Stderr);
        Assert.Equal("Checked 1 file: no problems found (8 in the baseline).\n", Check("--strict-baseline").Stdout);
    }

    [Fact]
    public void Update_and_prune_with_select_keep_the_entries_of_rules_that_did_not_run()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain).Replace("bus='ide'", "bus='virtio'", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.Clean, _workspace.Run("baseline", "prune", "vms", "-o", Baseline, "--select", "VL1202").ExitCode);
        Assert.Equal("virtlint: wrote .virtlint-baseline.json: 9 entries (was 9) for 1 file.\n", _workspace.Run("baseline", "update", "vms", "-o", Baseline, "--select", "VL1202").Stderr);
        Assert.Equal("virtlint: wrote .virtlint-baseline.json: 8 entries (was 9) for 1 file.\n", _workspace.Run("baseline", "prune", "vms", "-o", Baseline, "--select", "VL1001").Stderr);
    }

    [Fact]
    public void Update_adds_new_findings_and_drops_fixed_ones()
    {
        _workspace.Write("vms/web01.xml", WithSecondDisk(Domain).Replace("bus='ide'", "bus='virtio'", StringComparison.Ordinal).Replace("cache='none'", "cache='unsafe'", StringComparison.Ordinal));

        var updated = _workspace.Run("baseline", "update", "vms", "-o", Baseline);

        Assert.Equal(ExitCodes.Clean, updated.ExitCode);
        var rules = JsonDocument.Parse(_workspace.Read(Baseline)).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("rule").GetString()).ToArray();
        Assert.Contains("VL1004", rules);
        Assert.Single(rules, r => r == "VL1001"); // only the sata disk's
        Assert.Equal(ExitCodes.Clean, Check("--strict-baseline").ExitCode);
    }

    [Fact]
    public void Sarif_results_carry_the_baseline_identity_as_a_fingerprint()
    {
        var result = _workspace.Run("check", "vms", "-f", "sarif", "--select", "VL1001");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var fingerprints = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("fingerprints").GetProperty("virtlint/v1").GetString()!).ToArray();
        Assert.Equal(2, fingerprints.Length);
        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{32}$", f));
        Assert.NotEqual(fingerprints[0], fingerprints[1]);
    }

    [Fact]
    public void A_malformed_or_newer_baseline_is_a_located_error_and_nothing_is_written()
    {
        _workspace.Write(Baseline, "{\n  \"version\": 1,\n  \"entries\": [\n    {\"file\": \"vms/web01.xml\", \"rule\": \"VL1001\"}\n  ]\n}\n");
        var before = _workspace.Read(Baseline);

        var check = Check();
        Assert.Equal(ExitCodes.UsageOrInputError, check.ExitCode);
        Assert.Equal("", check.Stdout);
        Assert.Equal("virtlint: error: .virtlint-baseline.json:4:5: This entry has no 'location'.\n", check.Stderr);

        var update = _workspace.Run("baseline", "update", "vms", "-o", Baseline);
        Assert.Equal(ExitCodes.UsageOrInputError, update.ExitCode);
        Assert.Equal(before, _workspace.Read(Baseline));

        _workspace.Write(Baseline, "{\"version\": 2, \"entries\": []}\n");
        var newer = Check();
        Assert.Equal(ExitCodes.UsageOrInputError, newer.ExitCode);
        Assert.Contains(".virtlint-baseline.json:1:13: The baseline has format version 2, written by a newer VirtLint", newer.Stderr);
    }

    [Fact]
    public void Create_refuses_to_overwrite_an_input_and_keeps_the_file_mode()
    {
        var refused = _workspace.Run("baseline", "create", "vms", "-o", "vms/web01.xml");
        Assert.Equal(ExitCodes.UsageOrInputError, refused.ExitCode);
        Assert.Contains("one of the files being linted", refused.Stderr);

        if (OperatingSystem.IsWindows()) return;

        File.SetUnixFileMode(_workspace.PathOf(Baseline), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(ExitCodes.Clean, _workspace.Run("baseline", "create", "vms", "-o", Baseline).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_workspace.PathOf(Baseline)));
    }
}
