using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtLint.Core.Baselines;

namespace VirtLint.Core.Tests.Baselines;

/// <summary>
/// A finding's identity survives the edits a refresh from a host or a colleague's editor makes (inserted lines,
/// re-indenting, attribute order, device order) and changes when the flagged value does.
/// </summary>
public sealed partial class BaselineIdentityTests
{
    private const string File = "vms/web01.xml";

    /// <summary>An identity for every element and attribute, as if a rule flagged each of them.</summary>
    private static SortedSet<string> Identities(string xml)
    {
        var document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        var locator = new LogicalLocator();
        var identities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var element in document.Root!.DescendantsAndSelf())
        {
            Assert.True(identities.Add(Render(BaselineIdentity.For(File, "VL1003", element, locator))), $"duplicate identity for {element.Name}");
            foreach (var attribute in element.Attributes()) identities.Add(Render(BaselineIdentity.For(File, "VL1003", attribute, locator)));
        }

        return identities;
    }

    private static string Render(BaselineIdentity identity) => $"{identity.File} {identity.RuleId} {identity.Location} {identity.ValueHash}";

    private static readonly SortedSet<string> Original = Identities(LogicalLocationTests.Domain);

    [Fact]
    public void Inserting_lines_above_changes_nothing()
    {
        var edited = LogicalLocationTests.Domain
            .Replace("  <name>web01</name>\n", "  <name>web01</name>\n  <!-- moved from the old host -->\n\n  <title>Web front end</title>\n")
            .Replace("  <devices>\n", "  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n    <disk type='file' device='disk'>\n      <target dev='vdb' bus='virtio'/>\n    </disk>\n");
        var identities = Identities(edited);
        Assert.Superset(Original, identities);
        Assert.Equal(Original.Count + 8, identities.Count);
    }

    [Fact]
    public void Re_indenting_changes_nothing()
    {
        var flat = WhitespaceBetweenTags().Replace(LogicalLocationTests.Domain, "><");
        var tabs = LogicalLocationTests.Domain.Replace("  ", "\t").Replace("\n", "\r\n").Replace(" port=", "\n          port=");
        Assert.Equal(Original, Identities(flat));
        Assert.Equal(Original, Identities(tabs));
    }

    [Fact]
    public void Reordering_attributes_changes_nothing()
    {
        var reordered = Attributes().Replace(LogicalLocationTests.Domain, m =>
        {
            var attributes = AttributePairs().Matches(m.Groups[2].Value).Select(a => a.Value).Reverse();
            return $"<{m.Groups[1].Value} {string.Join(" ", attributes)}{m.Groups[3].Value}>";
        });
        Assert.NotEqual(LogicalLocationTests.Domain, reordered);
        Assert.Contains("<disk device='disk' type='file'>", reordered);
        Assert.Equal(Original, Identities(reordered));
    }

    [Fact]
    public void Reordering_sibling_devices_changes_nothing()
    {
        var document = XDocument.Parse(LogicalLocationTests.Domain);
        var devices = document.Root!.Element("devices")!;
        // Keyed devices in reverse order; the two keyless videos keep their relative order (their position is their identity).
        var keyed = devices.Elements().Where(e => e.Name != "video").Reverse().ToList();
        var videos = devices.Elements("video").ToList();
        devices.ReplaceNodes(videos.Take(1).Concat(keyed).Concat(videos.Skip(1)));
        var reordered = document.ToString();
        Assert.NotEqual(XDocument.Parse(LogicalLocationTests.Domain).ToString(), reordered);
        Assert.Equal(Original, Identities(reordered));
    }

    [Fact]
    public void Changing_the_flagged_value_changes_the_identity()
    {
        var changed = Identities(LogicalLocationTests.Domain.Replace("cache='writeback'", "cache='unsafe'"));
        var gone = Original.Except(changed).ToList();
        var added = changed.Except(Original).ToList();
        // The attribute itself, and its element (whose attributes are its value).
        Assert.Equal(2, gone.Count);
        Assert.Equal(2, added.Count);
        Assert.Contains(gone, i => i.Contains(" domain[web01]/devices/disk[vda]/driver/@cache ", StringComparison.Ordinal));
        Assert.Contains(added, i => i.Contains(" domain[web01]/devices/disk[vda]/driver/@cache ", StringComparison.Ordinal));
    }

    [Fact]
    public void Renaming_a_domain_or_retargeting_a_disk_is_a_different_finding()
    {
        var renamed = Identities(LogicalLocationTests.Domain.Replace("<name>web01</name>", "<name>web02</name>"));
        Assert.Empty(Original.Intersect(renamed));
        var retargeted = Identities(LogicalLocationTests.Domain.Replace("dev='vda'", "dev='vdc'"));
        Assert.Contains(retargeted, i => i.Contains("disk[vdc]/driver/@cache", StringComparison.Ordinal));
    }

    [Fact]
    public void Paths_are_normalized_and_the_fingerprint_is_stable()
    {
        var a = new BaselineIdentity("vms/web01.xml", "VL1003", "domain[web01]/devices/disk[vda]/driver/@cache", "0011223344556677");
        var b = BaselineIdentity.For(".\\vms\\web01.xml", "VL1003", null, new LogicalLocator());
        Assert.Equal("vms/web01.xml", b.File);
        Assert.Equal("", b.Location);
        Assert.Matches("^[0-9a-f]{32}$", a.Fingerprint);
        Assert.Equal(a.Fingerprint, (a with { }).Fingerprint);
        Assert.NotEqual(a.Fingerprint, (a with { ValueHash = "0011223344556678" }).Fingerprint);
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex WhitespaceBetweenTags();

    [GeneratedRegex(@"<([a-z]+) ((?:[a-z]+='[^']*' ?)+)(/?)>")]
    private static partial Regex Attributes();

    [GeneratedRegex(@"[a-z]+='[^']*'")]
    private static partial Regex AttributePairs();
}
