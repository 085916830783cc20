using System.Xml.Linq;
using VirtLint.Core.XPath;

namespace VirtLint.Core.Tests;

/// <summary>The libvirt-specific functions: sizes with units and defaults, subnets, modes, cpusets.</summary>
public sealed class LibvirtFunctionTests
{
    [Theory]
    [InlineData("<memory unit='KiB'>2097152</memory>", 2147483648d)]
    [InlineData("<memory>2097152</memory>", 2147483648d)]
    [InlineData("<currentMemory unit='GiB'>2</currentMemory>", 2147483648d)]
    [InlineData("<memory unit='GB'>2</memory>", 2e9)]
    [InlineData("<memory unit='M'>512</memory>", 536870912d)]
    [InlineData("<capacity>2147483648</capacity>", 2147483648d)]
    [InlineData("<capacity unit='G'>2</capacity>", 2147483648d)]
    [InlineData("<allocation unit='bytes'>1471152128</allocation>", 1471152128d)]
    [InlineData("<capacity unit='KB'>1</capacity>", 1000d)]
    [InlineData("<capacity unit='TiB'>1</capacity>", 1099511627776d)]
    [InlineData("<capacity unit='EB'>1</capacity>", 1e18)]
    // Plain digits are read by hand; anything else as the general number parser reads it.
    [InlineData("<capacity>\n  0042 \t</capacity>", 42d)]
    [InlineData("<capacity>1.5</capacity>", 1.5d)]
    [InlineData("<capacity>+7</capacity>", 7d)]
    [InlineData("<capacity>1e3</capacity>", 1000d)]
    [InlineData("<capacity>999999999999999</capacity>", 999999999999999d)]
    [InlineData("<capacity>12345678901234567890</capacity>", 12345678901234567890d)]
    public void Bytes_honours_units_and_element_defaults(string xml, double expected) =>
        Assert.Equal(expected, Xp.Bytes([XElement.Parse(xml)]));

    [Theory]
    [InlineData("<memory unit='furlongs'>2</memory>")]
    [InlineData("<capacity>lots</capacity>")]
    [InlineData("<capacity>12 34</capacity>")]
    [InlineData("<capacity> </capacity>")]
    public void Bytes_is_NaN_for_unknown_units_or_values(string xml) => Assert.True(double.IsNaN(Xp.Bytes([XElement.Parse(xml)])));

    [Fact]
    public void Bytes_of_nothing_is_NaN_and_an_explicit_default_unit_applies()
    {
        Assert.True(double.IsNaN(Xp.Bytes([])));
        Assert.Equal(4096d, Xp.Bytes([XElement.Parse("<size>4</size>")], "KiB"));
        Assert.Equal(2097152d, Xp.Bytes([XElement.Parse("<page size='2048'/>").Attribute("size")!]));
    }

    [Theory]
    [InlineData("192.168.122.2", "192.168.122.1", "24", true)]
    [InlineData("192.168.122.254", "192.168.122.1", "255.255.255.0", true)]
    [InlineData("192.168.123.2", "192.168.122.1", "24", false)]
    [InlineData("10.1.2.3", "10.0.0.0", "255.0.0.0", true)]
    [InlineData("2001:db8:ca2:2::100", "2001:db8:ca2:2::1", "64", true)]
    [InlineData("2001:db8:ca2:3::100", "2001:db8:ca2:2::1", "64", false)]
    [InlineData("192.168.122.2", "2001:db8::1", "64", false)]
    [InlineData("not-an-ip", "192.168.122.1", "24", false)]
    [InlineData("192.168.122.2", "192.168.122.1", "255.0.255.0", false)]
    public void In_subnet(string address, string network, string prefix, bool expected) =>
        Assert.Equal(expected, Xp.InSubnet(address, network, prefix));

    [Fact]
    public void Address_arithmetic()
    {
        Assert.Equal(-1, Xp.IpCompare("192.168.122.2", "192.168.122.254"));
        Assert.Equal(1, Xp.IpCompare("192.168.122.10", "192.168.122.9"));
        Assert.True(double.IsNaN(Xp.IpCompare("192.168.122.1", "::1")));
        Assert.Equal("192.168.122.0", Xp.NetworkAddress("192.168.122.1", "24"));
        Assert.Equal("192.168.122.255", Xp.BroadcastAddress("192.168.122.1", "255.255.255.0"));
        Assert.Equal("2001:db8:ca2:2::", Xp.NetworkAddress("2001:db8:ca2:2::1", "64"));
        Assert.Equal(24, Xp.PrefixLength("255.255.255.0"));
        Assert.Equal(64, Xp.PrefixLength("64"));
        Assert.True(double.IsNaN(Xp.PrefixLength("255.0.255.0")));
        Assert.False(Xp.IsValidNetmask("255.255.0.255"));
        Assert.False(Xp.IsIpAddress("10.1"));
    }

    [Theory]
    [InlineData("<ip address='192.168.122.1' prefix='24'/>", 24)]
    [InlineData("<ip address='192.168.122.1' netmask='255.255.0.0'/>", 16)]
    [InlineData("<ip address='192.168.122.1' prefix='0' netmask='255.255.255.128'/>", 25)]
    [InlineData("<ip address='192.168.122.1'/>", 24)]
    [InlineData("<ip address='172.16.0.1'/>", 16)]
    [InlineData("<ip address='10.0.0.1'/>", 8)]
    [InlineData("<ip family='ipv6' address='2001:db8::1'/>", 64)]
    [InlineData("<ip address='2001:db8::1' prefix='48'/>", 48)]
    public void Ip_prefix_applies_libvirt_defaults(string xml, double expected) => Assert.Equal(expected, Xp.IpPrefix([XElement.Parse(xml)]));

    [Fact]
    public void Ip_prefix_is_NaN_for_an_invalid_netmask_or_address()
    {
        Assert.True(double.IsNaN(Xp.IpPrefix([XElement.Parse("<ip address='192.168.122.1' netmask='255.0.255.0'/>")])));
        Assert.True(double.IsNaN(Xp.IpPrefix([XElement.Parse("<ip address='nowhere'/>")])));
        Assert.True(double.IsNaN(Xp.IpPrefix([])));
    }

    [Fact]
    public void Default_stands_in_for_a_missing_value()
    {
        var driver = XElement.Parse("<driver name='qemu' cache=''/>");
        Assert.Equal("threads", Xp.Default(Xp.Attribute(driver, "io"), "threads"));
        Assert.Equal("", Xp.Default(Xp.Attribute(driver, "cache"), "writeback"));
        Assert.Equal("qemu", Xp.Default(Xp.Attribute(driver, "name"), "tap"));
        Assert.Equal("none", Xp.Default("", "none"));
    }

    [Theory]
    [InlineData("0755", "0711", true)]
    [InlineData("0711", "0711", false)]
    [InlineData("0700", "0711", false)]
    [InlineData("0777", "0711", true)]
    [InlineData("0644", "0600", true)]
    [InlineData("600", "0600", false)]
    [InlineData("0789", "0711", false)]
    [InlineData("", "0711", false)]
    public void Mode_looser_than(string mode, string limit, bool expected) => Assert.Equal(expected, Xp.ModeLooserThan(mode, limit));

    [Fact]
    public void Cpusets()
    {
        Assert.Equal(5, Xp.CpusetCount("0-3,^2,8,9"));
        Assert.True(double.IsNaN(Xp.CpusetCount("3-1")));
        Assert.True(Xp.CpusetsOverlap("0-3", "3,4"));
        Assert.False(Xp.CpusetsOverlap("0-3,^3", "3,4"));
        Assert.False(Xp.CpusetsOverlap("x", "1"));
    }

    [Theory]
    [InlineData("17", 17d)]
    [InlineData("0x1f", 31d)]
    [InlineData("0X1F", 31d)]
    [InlineData("017", 15d)]
    [InlineData("0", 0d)]
    [InlineData("00", 0d)]
    [InlineData(" \t5", 5d)]
    [InlineData("+5", 5d)]
    [InlineData("4294967295", 4294967295d)]
    [InlineData("0xffffffff", 4294967295d)]
    [InlineData("037777777777", 4294967295d)]
    [InlineData("0x00000000000000001f", 31d)]
    [InlineData("0000000000000000000017", 15d)]
    [InlineData("0xAbC", 2748d)]
    public void Uint_reads_numbers_as_libvirt_does(string text, double expected) => Assert.Equal(expected, Xp.Uint(text));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("-0")]
    [InlineData("-1")]
    [InlineData("5 ")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("4294967296")]
    [InlineData("0x100000000")]
    [InlineData("040000000000")]
    [InlineData("0x+1")]
    [InlineData("++1")]
    [InlineData("1a")]
    [InlineData("0x1g")]
    [InlineData("\u0663")]
    public void Uint_is_NaN_for_what_libvirt_refuses(string text) => Assert.True(double.IsNaN(Xp.Uint(text)));

    [Theory]
    [InlineData("<address type='pci' domain='0x0000' bus='0x01' slot='0x1f' function='0x7'/>", "0000:01:1f.7")]
    [InlineData("<address type='pci' bus='1' slot='010'/>", "0000:01:08.0")]
    [InlineData("<address type='pci' domain='0x10000' bus='0x100' slot='0x00' function='0x0'/>", "10000:100:00.0")]
    [InlineData("<address type='pci' slot='0x02'/>", "0000:00:02.0")]
    [InlineData("<address type='pci' domain='0xABCD' bus='0xfe' slot='0x1B' function='10'/>", "abcd:fe:1b.10")]
    [InlineData("<address type='pci' domain='0xffffffff' bus='0xffffffff' slot='0xffffffff' function='4294967295'/>", "ffffffff:ffffffff:ffffffff.4294967295")]
    [InlineData("<address type='pci'/>", "")]
    [InlineData("<address type='pci' domain='0x0000' bus='0x00' slot='0x00' function='0x3'/>", "")]
    [InlineData("<address type='pci'><zpci uid='0x0001' fid='0x00000000'/></address>", "")]
    [InlineData("<address type='pci' bus='0x01' slot='zero'/>", "")]
    [InlineData("<address type='pci' bus='-1' slot='1'/>", "")]
    [InlineData("<address function='0x2' slot='0x03' type='pci' bus='0x01'/>", "0000:01:03.2")]
    [InlineData("<address xmlns:x='urn:x' type='pci' x:bus='zero' bus='0x02' slot='0x01'/>", "0000:02:01.0")]
    public void Pci_address_is_libvirt_text_or_empty(string xml, string expected) =>
        Assert.Equal(expected, Xp.PciAddress([XElement.Parse(xml)]));

    [Fact]
    public void Pci_addresses_read_again_and_crowding_each_other_out_keep_their_own_text()
    {
        // More addresses than the table of formatted ones holds, each read twice in turns from two threads: a reused
        // text must be the address's own, whichever address last took its entry.
        var addresses = (from domain in new uint[] { 0, 1, 0xFFFF, 0x10000 }
                         from bus in Enumerable.Range(0, 16)
                         from slot in Enumerable.Range(0, 32)
                         from function in Enumerable.Range(0, 8)
                         where domain + bus + slot > 0
                         select (Element: new XElement("address", new XAttribute("domain", $"0x{domain:x}"), new XAttribute("bus", bus), new XAttribute("slot", $"0x{slot:x}"), new XAttribute("function", function)),
                                 Text: $"{domain:x4}:{bus:x2}:{slot:x2}.{function}")).ToArray();

        var wrong = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2, _ =>
        {
            for (var pass = 0; pass < 2; pass++)
                foreach (var (element, text) in addresses)
                    if (PciAddresses.Format(element) is var formatted && formatted != text) wrong.Add($"{text} read as {formatted}");
        });

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("192.168.122.10", "192.168.122.10")]
    [InlineData(" 2001:DB8:0:0::10 ", "2001:db8::10")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData("::ffff:10.0.0.1", "::ffff:10.0.0.1")]
    [InlineData("10.1", "")]
    [InlineData("not-an-ip", "")]
    public void Canonical_ip(string text, string expected) => Assert.Equal(expected, Xp.CanonicalIp(text));
}
