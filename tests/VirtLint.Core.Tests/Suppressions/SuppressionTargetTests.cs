using System.Xml.Linq;
using VirtLint.Core.Suppressions;

namespace VirtLint.Core.Tests.Suppressions;

public sealed class SuppressionTargetTests
{
    private static readonly XElement Root = XElement.Parse("""
        <domain>
          <devices>
            <disk device='disk'><target dev='vda' bus='virtio'/></disk>
            <disk device='cdrom'><target dev='sda' bus='sata'/></disk>
            <graphics type='vnc' port='-1'/>
            <graphics type='spice'/>
          </devices>
          <name>web01</name>
        </domain>
        """);

    private static IEnumerable<string> Selected(string path)
    {
        Assert.True(SuppressionTarget.TryParse(path, out var target, out var error), error);
        return target!.Select(Root).Select(e => e.Name.LocalName + string.Concat(e.Attributes().Take(1).Select(a => $"[{a.Value}]")));
    }

    [Theory]
    [InlineData("devices/graphics[@type='vnc']", "graphics[vnc]")]
    [InlineData("devices/graphics[ @type = \"spice\" ]", "graphics[spice]")]
    [InlineData("devices/disk[target/@dev='vda']", "disk[disk]")]
    [InlineData("devices/disk[@device='cdrom'][target/@bus='sata']/target", "target[sda]")]
    [InlineData("devices/*[@type='spice']", "graphics[spice]")]
    [InlineData("devices/disk", "disk[disk] disk[cdrom]")]
    [InlineData("name", "name")]
    [InlineData(".", "domain")]
    public void Selects_elements_below_the_root(string path, string expected) =>
        Assert.Equal(expected, string.Join(" ", Selected(path)));

    [Theory]
    [InlineData("", "the path is empty")]
    [InlineData("/domain/devices", "the path is relative to the root element: write 'devices/disk', not '/domain/devices/disk'")]
    [InlineData("devices/graphics[@type=vnc]", "expected a quoted value at character 24, found 'v'")]
    [InlineData("devices/graphics[@type='vnc'", "expected ']' at the end")]
    [InlineData("devices/graphics[@type='vnc]", "the value quoted at character 24 is not closed")]
    [InlineData("devices//disk", "expected an element name at character 9, found '/'")]
    [InlineData("devices/graphics[1]", "expected '@attribute' or an element name at character 18, found '1'")]
    [InlineData("devices/disk[@dev]", "expected '=' at character 18, found ']'")]
    [InlineData("devices/disk extra", "expected '/' or '[' at character 13, found ' '")]
    public void Syntax_errors_are_explained(string path, string expected)
    {
        Assert.False(SuppressionTarget.TryParse(path, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("devices/graphic[@type='vnc']", "no <devices> here has a child <graphic> (did you mean 'graphics'?)")]
    [InlineData("device/disk", "no <domain> here has a child <device> (did you mean 'devices'?)")]
    [InlineData("devices/graphics[@type='rdp']", "no <graphics> here matches [@type='rdp']")]
    [InlineData("devices/graphics", null)]
    public void Empty_selections_name_the_step_that_came_up_empty(string path, string? expected)
    {
        Assert.True(SuppressionTarget.TryParse(path, out var target, out _));
        Assert.Equal(expected, target!.ExplainEmpty(Root));
    }
}
