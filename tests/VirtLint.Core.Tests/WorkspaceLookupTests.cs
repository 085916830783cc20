using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>The look-ups cross-document rules use: another group's node with the same key, all nodes with a key, overlapping IP ranges, paths.</summary>
public sealed class WorkspaceLookupTests
{
    private static readonly XDocument Workspace = XDocument.Parse("""
        <workspace>
          <domain><image path='/a'/><image path='/b'/></domain>
          <domain><image path='/a'/></domain>
          <domain><image path='/c'/><image path='/b'/></domain>
          <network><subnet first='10.0.0.0' last='10.0.0.255'/></network>
          <network><subnet first='10.0.1.0' last='10.0.1.255'/></network>
          <network><subnet first='10.0.0.0' last='10.0.255.255'/><subnet first='fd00::' last='fd00::ffff'/></network>
          <network><subnet first='fd00::8000' last='fd00::8000'/><subnet first='10.9.0.0' last='10.9.0.255'/></network>
        </workspace>
        """);

    private static List<XElement> Images => Workspace.Descendants("image").ToList();

    private static List<XElement> Subnets => Workspace.Descendants("subnet").ToList();

    [Fact]
    public void First_with_same_elsewhere_finds_another_groups_node_earlier_or_later()
    {
        var index = new KeyIndex(_ => Images, n => (string)((XElement)n).Attribute("path")!, n => n.Parent);

        Assert.Same(Images[2], index.FirstWithSameElsewhere(Images[0]).Single()); // later
        Assert.Same(Images[0], index.FirstWithSameElsewhere(Images[2]).Single()); // earlier
        Assert.Same(Images[1], index.FirstWithSameElsewhere(Images[4]).Single());
        Assert.Empty(index.FirstWithSameElsewhere(Images[3]));
    }

    [Fact]
    public void All_with_key_lists_every_node_in_document_order()
    {
        var index = new KeyIndex(_ => Images, n => (string)((XElement)n).Attribute("path")!);

        Assert.Equal([Images[1], Images[4]], index.AllWithKey(Workspace.Root!, "/b"));
        Assert.Empty(index.AllWithKey(Workspace.Root!, "/z"));
        Assert.Empty(index.AllWithKey(Workspace.Root!, ""));
    }

    [Fact]
    public void First_overlapping_ip_range_finds_the_first_earlier_overlap_per_family()
    {
        var index = new IpOverlapIndex(_ => Subnets, n => (string)((XElement)n).Attribute("first")!, n => (string)((XElement)n).Attribute("last")!);

        Assert.Empty(index.FirstOverlapping(Subnets[0]));
        Assert.Empty(index.FirstOverlapping(Subnets[1]));
        // 10.0.0.0/16 contains both earlier /24s: the first in document order is named.
        Assert.Same(Subnets[0], index.FirstOverlapping(Subnets[2]).Single());
        Assert.Empty(index.FirstOverlapping(Subnets[3]));
        Assert.Same(Subnets[3], index.FirstOverlapping(Subnets[4]).Single());
        Assert.Empty(index.FirstOverlapping(Subnets[5]));
    }

    [Fact]
    public void First_overlapping_ip_range_compares_only_within_a_group()
    {
        var index = new IpOverlapIndex(_ => Subnets, n => (string)((XElement)n).Attribute("first")!, n => (string)((XElement)n).Attribute("last")!,
            n => Subnets.IndexOf((XElement)n) == 2 ? "other host" : "");

        Assert.Empty(index.FirstOverlapping(Subnets[2]));
    }

    [Theory]
    [InlineData("/srv//images/a.qcow2", "/srv/images/a.qcow2", "/srv/images")]
    [InlineData("/srv/images/", "/srv/images", "/srv")]
    [InlineData("///srv", "/srv", "/")]
    [InlineData("//host/share", "//host/share", "//host")]
    [InlineData("a.qcow2", "a.qcow2", "")]
    [InlineData("", "", "")]
    [InlineData("nbd://host//x", "nbd://host//x", "nbd://host/")]
    public void Paths_are_sanitised_as_libvirt_does(string path, string clean, string directory)
    {
        Assert.Equal(clean, Xp.CleanPath(path));
        Assert.Equal(directory, Xp.DirectoryOf(path));
    }
}
