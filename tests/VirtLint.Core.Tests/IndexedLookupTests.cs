using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>The per-document indexes behind first-with-same, first-with-key and first-overlapping-cpuset.</summary>
public sealed class IndexedLookupTests
{
    private static readonly XDocument Network = XDocument.Parse("""
        <network>
          <ip address='192.168.122.1' prefix='24'>
            <dhcp>
              <host mac='52:54:00:00:00:01' ip='192.168.122.10'/>
              <host mac='52:54:00:00:00:02' ip='192.168.122.11'/>
              <host mac='52:54:00:00:00:01' ip='192.168.122.12'/>
              <host mac='' ip='192.168.122.13'/>
              <host mac='' ip='192.168.122.14'/>
              <host mac='52:54:00:00:00:01' ip='192.168.122.15'/>
            </dhcp>
          </ip>
          <ip family='ipv6' address='2001:db8::1' prefix='64'>
            <dhcp>
              <host mac='52:54:00:00:00:02' ip='2001:db8::10'/>
            </dhcp>
          </ip>
        </network>
        """);

    private static List<XElement> Hosts => Network.Descendants("host").ToList();

    private static KeyIndex MacIndex(bool grouped) => new(
        d => d.Document!.Descendants("host"),
        n => ((XElement)n).Attribute("mac")!.Value,
        grouped ? n => n.Parent : null);

    [Fact]
    public void First_with_same_finds_the_first_earlier_duplicate_and_nothing_for_the_first()
    {
        var index = MacIndex(grouped: true);
        var hosts = Hosts;
        Assert.Empty(index.FirstWithSame(hosts[0]));
        Assert.Empty(index.FirstWithSame(hosts[1]));
        Assert.Same(hosts[0], Assert.Single(index.FirstWithSame(hosts[2])));
        Assert.Same(hosts[0], Assert.Single(index.FirstWithSame(hosts[5])));
    }

    [Fact]
    public void An_empty_key_is_no_key()
    {
        var index = MacIndex(grouped: true);
        Assert.Empty(index.FirstWithSame(Hosts[4]));
        Assert.Empty(index.FirstWithKey(Hosts[0], ""));
    }

    [Fact]
    public void A_group_scopes_the_keys()
    {
        // The IPv6 block's host repeats a MAC of the IPv4 block: a duplicate only when both are one group.
        Assert.Empty(MacIndex(grouped: true).FirstWithSame(Hosts[6]));
        Assert.Same(Hosts[1], Assert.Single(MacIndex(grouped: false).FirstWithSame(Hosts[6])));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(200)]
    public void Short_and_long_lists_find_the_first_earlier_node_with_a_key_in_its_group(int hosts)
    {
        // Few nodes are compared in order, many go through a dictionary: both must give what a scan of the earlier ones gives.
        var dhcp = Enumerable.Range(0, 3).Select(_ => new XElement("dhcp")).ToArray();
        for (var i = 0; i < hosts; i++)
            dhcp[i % 3].Add(new XElement("host", new XAttribute("mac", i % 7 == 0 ? "" : $"m{i % 5}")));
        var document = new XDocument(new XElement("network", dhcp));
        var all = document.Descendants("host").ToList();
        foreach (var grouped in new[] { false, true })
        {
            var index = new KeyIndex(d => d.Document!.Descendants("host"), n => ((XElement)n).Attribute("mac")!.Value, grouped ? n => n.Parent : null);
            foreach (var host in all)
            {
                var key = host.Attribute("mac")!.Value;
                var expected = key.Length == 0 ? null : all.TakeWhile(h => h != host).FirstOrDefault(h => h.Attribute("mac")!.Value == key && (!grouped || h.Parent == host.Parent));
                Assert.Equal(expected, index.FirstWithSame(host).SingleOrDefault());
            }

            Assert.Equal(all.FirstOrDefault(h => h.Attribute("mac")!.Value == "m3" && (!grouped || h.Parent is null)), index.FirstWithKey(document, "m3").SingleOrDefault());
        }
    }

    [Fact]
    public void First_with_key_looks_a_value_up()
    {
        var index = MacIndex(grouped: false);
        Assert.Same(Hosts[1], Assert.Single(index.FirstWithKey(Hosts[0], "52:54:00:00:00:02")));
        Assert.Empty(index.FirstWithKey(Hosts[0], "52:54:00:00:00:99"));
    }

    [Fact]
    public void A_node_outside_the_indexed_set_finds_the_first_with_its_key()
    {
        var outside = new XElement("host", new XAttribute("mac", "52:54:00:00:00:01"));
        var index = new KeyIndex(_ => Network.Descendants("host"), n => ((XElement)n).Attribute("mac")!.Value);
        Assert.Same(Hosts[0], Assert.Single(index.FirstWithSame(outside)));
    }

    [Fact]
    public void Context_nodes_met_in_index_order_read_their_keys_back_and_others_compute_theirs()
    {
        var keyed = new List<XObject>();
        var index = new KeyIndex(d => d.Document!.Descendants("host"), n =>
        {
            keyed.Add(n);
            return ((XElement)n).Attribute("mac")!.Value;
        });
        var hosts = Hosts;

        // In order, skipping some (a context with a filter), then out of order, then a node the index does not hold.
        Assert.Empty(index.FirstWithSame(hosts[0]));
        Assert.Same(hosts[0], Assert.Single(index.FirstWithSame(hosts[2])));
        Assert.Same(hosts[0], Assert.Single(index.FirstWithSame(hosts[5])));
        Assert.Equal(7, keyed.Count);
        Assert.Same(hosts[1], Assert.Single(index.FirstWithSame(hosts[6])));
        Assert.Empty(index.FirstWithSame(hosts[1]));
        var outside = new XElement("host", new XAttribute("mac", "52:54:00:00:00:02"));
        Assert.Same(hosts[1], Assert.Single(index.FirstWithSame(outside)));
        Assert.Equal([.. hosts, hosts[1], outside], keyed);
    }

    [Fact]
    public void Numbers_are_keys_by_value_and_NaN_is_none()
    {
        Assert.Equal("1", Xp.NumberKey(Xp.Number("01")));
        Assert.Equal(Xp.NumberKey(Xp.Uint("0x10")), Xp.NumberKey(Xp.Uint("16")));
        Assert.Equal("", Xp.NumberKey(double.NaN));
    }

    private static readonly XDocument Numa = XDocument.Parse("""
        <cpu>
          <numa>
            <cell id='0' cpus='0-3'/>
            <cell id='1' cpus='4-7'/>
            <cell id='2' cpus='8,2'/>
            <cell id='3' cpus='bogus'/>
            <cell id='4' cpus='5-100,^6'/>
            <cell id='5' cpus='9-16383'/>
          </numa>
        </cpu>
        """);

    private static List<XElement> Cells => Numa.Descendants("cell").ToList();

    private static CpuOwnerIndex CellIndex() => new(_ => Numa.Descendants("cell"), n => ((XElement)n).Attribute("cpus")!.Value);

    [Fact]
    public void First_overlapping_cpuset_is_the_first_earlier_cell_sharing_a_cpu()
    {
        var index = CellIndex();
        var cells = Cells;
        Assert.Empty(index.FirstOverlapping(cells[0]));
        Assert.Empty(index.FirstOverlapping(cells[1]));
        Assert.Same(cells[0], Assert.Single(index.FirstOverlapping(cells[2])));
        Assert.Empty(index.FirstOverlapping(cells[3]));
        Assert.Same(cells[1], Assert.Single(index.FirstOverlapping(cells[4])));
        // 9-16383 meets only cell 4's 5-100 (cell 3 is invalid and owns nothing).
        Assert.Same(cells[4], Assert.Single(index.FirstOverlapping(cells[5])));
    }

    [Fact]
    public void A_cpuset_outside_the_indexed_set_finds_the_first_owner_of_any_of_its_cpus()
    {
        var index = CellIndex();
        Assert.Same(Cells[1], Assert.Single(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "6-7,200")))));
        Assert.Same(Cells[0], Assert.Single(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "3-5")))));
        Assert.Empty(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "x"))));
    }

    [Fact]
    public void Cpus_above_every_indexed_cpuset_have_no_owner()
    {
        var small = XDocument.Parse("<numa><cell cpus='0-3'/><cell cpus='4-5'/></numa>");
        var cells = small.Root!.Elements().ToList();
        var index = new CpuOwnerIndex(_ => small.Root!.Elements(), n => ((XElement)n).Attribute("cpus")!.Value);
        Assert.Empty(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "6-16383"))));
        Assert.Empty(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "9000"))));
        Assert.Same(cells[1], Assert.Single(index.FirstOverlapping(new XElement("cell", new XAttribute("cpus", "5-16383")))));
    }

    private static readonly XDocument Ranges = XDocument.Parse("""
        <network>
          <ip address='192.168.122.1' prefix='24'>
            <dhcp>
              <range start='192.168.122.100' end='192.168.122.199'/>
              <range start='192.168.122.150' end='192.168.122.250'/>
              <range start='192.168.122.50' end='192.168.122.60'/>
              <range start='192.168.122.90' end='192.168.122.80'/>
              <range start='192.168.122.10' end='2001:db8::1'/>
              <range start='192.168.122.20' end='192.168.122.20'/>
              <host ip='192.168.122.55'/>
            </dhcp>
          </ip>
          <ip family='ipv6' address='2001:db8::1' prefix='64'>
            <dhcp>
              <range start='2001:db8::100' end='2001:db8::1ff'/>
              <host ip='2001:db8::1a0'/>
            </dhcp>
          </ip>
        </network>
        """);

    private static List<XElement> RangeElements => Ranges.Descendants("range").ToList();

    private static IpRangeIndex RangeIndex() => new(
        d => d.Document!.Descendants("range"),
        n => ((XElement)n).Attribute("start")!.Value,
        n => ((XElement)n).Attribute("end")!.Value,
        n => n.Parent);

    [Theory]
    [InlineData("192.168.122.100", 0)]
    [InlineData("192.168.122.160", 0)]   // in the first two ranges: the first one counts
    [InlineData("192.168.122.199", 0)]
    [InlineData("192.168.122.200", 1)]   // in the gap after the first range's end
    [InlineData("192.168.122.250", 1)]
    [InlineData("192.168.122.55", 2)]
    [InlineData("192.168.122.20", 5)]    // a one-address range
    [InlineData(" 192.168.122.56 ", 2)]
    [InlineData("192.168.122.251", -1)]
    [InlineData("192.168.122.85", -1)]   // the reversed range holds nothing
    [InlineData("192.168.122.15", -1)]   // nor the range whose ends are of two families
    [InlineData("192.168.122.61", -1)]
    [InlineData("192.168.122.1", -1)]
    [InlineData("2001:db8::150", -1)]    // another dhcp block
    [InlineData("not-an-ip", -1)]
    public void First_ip_range_containing_an_address_within_the_group(string address, int range)
    {
        var host = Ranges.Descendants("host").First();
        var found = RangeIndex().FirstContaining(host, address).ToList();
        if (range < 0) Assert.Empty(found);
        else Assert.Same(RangeElements[range], Assert.Single(found));
    }

    [Fact]
    public void Ipv6_ranges_compare_as_128_bit_numbers()
    {
        var host = Ranges.Descendants("host").Last();
        Assert.Same(RangeElements[^1], Assert.Single(RangeIndex().FirstContaining(host, "2001:DB8:0:0::1a0")));
        Assert.Empty(RangeIndex().FirstContaining(host, "2001:db8::200"));
    }
}
