using System.Xml.Linq;
using VirtLint.Core.Baselines;

namespace VirtLint.Core.Tests.Baselines;

public sealed class LogicalLocationTests
{
    internal const string Domain = """
        <domain type='kvm'>
          <name>web01</name>
          <memory unit='KiB'>4194304</memory>
          <cputune>
            <vcpupin vcpu='0' cpuset='2'/>
            <vcpupin vcpu='1' cpuset='3'/>
          </cputune>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='qcow2' cache='writeback'/>
              <source file='/var/lib/libvirt/images/web01.qcow2'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <disk type='file' device='cdrom'>
              <driver name='qemu' type='raw'/>
              <target dev='sda' bus='sata'/>
              <readonly/>
            </disk>
            <controller type='usb' index='0' model='qemu-xhci'/>
            <controller type='pci' index='0' model='pcie-root'/>
            <interface type='network'>
              <mac address='52:54:00:AA:BB:CC'/>
              <source network='default'/>
              <model type='e1000'/>
            </interface>
            <interface type='network'>
              <mac address='52:54:00:11:22:33'/>
              <model type='virtio'/>
            </interface>
            <hostdev mode='subsystem' type='pci' managed='yes'>
              <source>
                <address domain='0x0000' bus='0x06' slot='0x02' function='0x0'/>
              </source>
            </hostdev>
            <channel type='unix'>
              <target type='virtio' name='org.qemu.guest_agent.0'/>
            </channel>
            <graphics type='vnc' port='-1' listen='0.0.0.0'/>
            <video>
              <model type='qxl'/>
            </video>
            <video>
              <model type='virtio'/>
            </video>
          </devices>
        </domain>
        """;

    private static string Location(string xml, Func<XElement, XObject> pick) => new LogicalLocator().Of(pick(XDocument.Parse(xml).Root!));

    private static XElement Device(XElement root, string name, int index = 0) => root.Element("devices")!.Elements(name).ElementAt(index);

    [Fact]
    public void Domain_devices_are_located_by_their_natural_keys()
    {
        Assert.Equal("domain[web01]/devices/disk[vda]/driver/@cache", Location(Domain, r => Device(r, "disk").Element("driver")!.Attribute("cache")!));
        Assert.Equal("domain[web01]/devices/disk[sda]/target/@bus", Location(Domain, r => Device(r, "disk", 1).Element("target")!.Attribute("bus")!));
        Assert.Equal("domain[web01]/devices/controller[usb,0]/@model", Location(Domain, r => Device(r, "controller").Attribute("model")!));
        Assert.Equal("domain[web01]/devices/controller[pci,0]", Location(Domain, r => Device(r, "controller", 1)));
        Assert.Equal("domain[web01]/devices/interface[52:54:00:aa:bb:cc]/model/@type", Location(Domain, r => Device(r, "interface").Element("model")!.Attribute("type")!));
        Assert.Equal("domain[web01]/devices/hostdev[bus=0x06,domain=0x0000,function=0x0,slot=0x02]", Location(Domain, r => Device(r, "hostdev")));
        Assert.Equal("domain[web01]/devices/channel[org.qemu.guest_agent.0]/target", Location(Domain, r => Device(r, "channel").Element("target")!));
        Assert.Equal("domain[web01]/devices/graphics[vnc]/@listen", Location(Domain, r => Device(r, "graphics").Attribute("listen")!));
        Assert.Equal("domain[web01]/cputune/vcpupin[1]/@cpuset", Location(Domain, r => r.Element("cputune")!.Elements("vcpupin").Last().Attribute("cpuset")!));
    }

    [Fact]
    public void Elements_without_a_key_are_told_apart_by_position()
    {
        Assert.Equal("domain[web01]/devices/video/model/@type", Location(Domain, r => Device(r, "video").Element("model")!.Attribute("type")!));
        Assert.Equal("domain[web01]/devices/video[#2]/model/@type", Location(Domain, r => Device(r, "video", 1).Element("model")!.Attribute("type")!));
        Assert.Equal("domain[web01]/memory", Location(Domain, r => r.Element("memory")!));
        Assert.Equal("domain[web01]/memory/text()", Location(Domain, r => r.Element("memory")!.FirstNode!));
        Assert.Equal("domain[web01]", Location(Domain, r => r.Document!));
    }

    [Fact]
    public void Siblings_sharing_a_key_are_numbered_after_the_first()
    {
        const string xml = "<domain><name>db</name><devices><disk><target dev='vda'/></disk><disk><target dev='vda'/></disk><disk/><disk/></devices></domain>";
        Assert.Equal(
            ["domain[db]/devices/disk[vda]", "domain[db]/devices/disk[vda][#2]", "domain[db]/devices/disk", "domain[db]/devices/disk[#2]"],
            Enumerable.Range(0, 4).Select(i => Location(xml, r => Device(r, "disk", i))));
    }

    [Fact]
    public void Networks_pools_and_volumes_use_their_keys()
    {
        const string network = """
            <network>
              <name>default</name>
              <ip address='192.168.122.1' netmask='255.255.255.0'>
                <dhcp>
                  <host mac='52:54:00:AA:BB:CC' name='web01' ip='192.168.122.10'/>
                  <host name='db01' ip='192.168.122.11'/>
                </dhcp>
              </ip>
            </network>
            """;
        Assert.Equal("network[default]/ip[192.168.122.1]/dhcp/host[52:54:00:aa:bb:cc]/@ip", Location(network, r => r.Descendants("host").First().Attribute("ip")!));
        Assert.Equal("network[default]/ip[192.168.122.1]/dhcp/host[db01]", Location(network, r => r.Descendants("host").Last()));
        Assert.Equal("pool[images]/target/path", Location("<pool type='dir'><name>images</name><target><path>/var/lib/libvirt/images</path></target></pool>", r => r.Descendants("path").Single()));
        Assert.Equal("volume[/var/lib/libvirt/images/a.qcow2]/capacity", Location("<volume><name>a.qcow2</name><key>/var/lib/libvirt/images/a.qcow2</key><capacity>1</capacity></volume>", r => r.Element("capacity")!));
        Assert.Equal("volume[a.qcow2]/@type", Location("<volume type='file'><name>a.qcow2</name></volume>", r => r.Attribute("type")!));
    }

    [Fact]
    public void Key_delimiters_are_escaped_and_namespaces_use_their_uri()
    {
        Assert.Equal("domain[odd%5Bname%5D%23]/devices/graphics[vnc]", Location("<domain><name>odd[name]#</name><devices><graphics type='vnc'/></devices></domain>", r => Device(r, "graphics")));
        Assert.Equal("domain[x]/metadata/{urn:example:owner}owner/@team",
            Location("<domain><name>x</name><metadata><a:owner xmlns:a='urn:example:owner' team='ops'/></metadata></domain>", r => r.Element("metadata")!.Elements().Single().Attribute("team")!));
    }

    [Fact]
    public void Values_hash_attribute_order_and_whitespace_away()
    {
        var a = XElement.Parse("<driver name='qemu'   type='qcow2'\n cache='none'>  some\n  text </driver>");
        var b = XElement.Parse("<driver cache='none' type='qcow2' name='qemu'>some text</driver>");
        var c = XElement.Parse("<driver cache='writeback' type='qcow2' name='qemu'>some text</driver>");
        Assert.Equal(ValueHash.Of(a), ValueHash.Of(b));
        Assert.NotEqual(ValueHash.Of(b), ValueHash.Of(c));
        Assert.Equal(ValueHash.Of(a.Attribute("cache")), ValueHash.Of(b.Attribute("cache")));
        Assert.NotEqual(ValueHash.Of(b.Attribute("cache")), ValueHash.Of(c.Attribute("cache")));
        Assert.Matches("^[0-9a-f]{16}$", ValueHash.Of(a));
        Assert.Equal(ValueHash.Of(null), ValueHash.Hash(""));
        // The canonical text itself: attributes sorted by name, one per line, then the element's own words.
        Assert.Equal(ValueHash.Hash("cache=none\nname=qemu\ntype=qcow2\nsome text"), ValueHash.Of(a));
        var nested = XElement.Parse("<disk xmlns:x='urn:x' x:b='2' a='1'>\n  <target dev='vda'/>\n  tail <![CDATA[ cdata ]]>\n</disk>");
        Assert.Equal(ValueHash.Hash("a=1\n{urn:x}b=2\ntail cdata"), ValueHash.Of(nested));
        Assert.Equal(ValueHash.Hash("a=1\n"), ValueHash.Of(XElement.Parse("<disk a='1'>\n   \n</disk>")));
    }

    [Fact]
    public void A_document_with_many_keyless_siblings_is_located_in_linear_time()
    {
        var devices = string.Concat(Enumerable.Repeat("<video><model type='qxl'/></video>", 50_000));
        var root = XDocument.Parse($"<domain><name>big</name><devices>{devices}</devices></domain>").Root!;
        var locator = new LogicalLocator();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = "";
        foreach (var model in root.Descendants("model")) last = locator.Of(model.Attribute("type")!);
        Assert.Equal("domain[big]/devices/video[#50000]/model/@type", last);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
