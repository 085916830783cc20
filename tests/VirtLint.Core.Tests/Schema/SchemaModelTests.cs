using System.Xml.Linq;
using VirtLint.Core.Schema;

namespace VirtLint.Core.Tests.Schema;

public sealed class SchemaModelTests
{
    private static readonly SchemaModel Model = SchemaTables.Domain;

    private static int Context(string name) => Enumerable.Range(0, Model.ContextCount).Single(i => Model.ContextName(i) == name);

    [Fact]
    public void Children_and_attributes_are_found_by_exact_name()
    {
        Assert.True(Model.TryGetChild(SchemaModel.DocumentContext, "domain", out var domain));
        Assert.Equal("domain", Model.ContextName(domain));
        Assert.True(Model.TryGetChild(domain, "on_crash", out var onCrash));
        Assert.Equal("domain/on_crash", Model.ContextName(onCrash));
        Assert.False(Model.TryGetChild(domain, "On_crash", out var missing));
        Assert.Equal(SchemaModel.None, missing);
        Assert.False(Model.TryGetChild(domain, "", out _));

        var target = Context("domain/devices/disk/target");
        Assert.True(Model.TryGetAttribute(target, "dev", out var devValues));
        Assert.Equal(SchemaModel.None, devValues);
        Assert.True(Model.TryGetAttribute(target, "bus", out var busValues));
        Assert.True(Model.Contains(busValues, "virtio"));
        Assert.False(Model.Contains(busValues, "virtoi"));
        Assert.False(Model.Contains(busValues, "Virtio"));
        Assert.Equal(["ide", "sata", "scsi", "virtio"], Model.Values(busValues));
        Assert.False(Model.TryGetAttribute(target, "buss", out _));
    }

    [Fact]
    public void Every_name_of_a_context_is_found_whatever_its_position_in_the_sorted_list()
    {
        for (var context = 0; context < Model.ContextCount; context++)
        {
            foreach (var name in Model.ChildNames(context)) Assert.True(Model.TryGetChild(context, name, out _), $"{Model.ContextName(context)}: {name}");
            foreach (var name in Model.AttributeNames(context)) Assert.True(Model.TryGetAttribute(context, name, out _), $"{Model.ContextName(context)}: @{name}");
        }
    }

    [Fact]
    public void Names_are_found_by_xname_as_by_string()
    {
        for (var context = 0; context < Model.ContextCount; context++)
        {
            foreach (var name in Model.ChildNames(context))
            {
                Assert.True(Model.TryGetChild(context, XName.Get(name), out var byName), $"{Model.ContextName(context)}: {name}");
                Assert.True(Model.TryGetChild(context, name, out var byString) && byName == byString);
            }

            foreach (var name in Model.AttributeNames(context))
            {
                Assert.True(Model.TryGetAttribute(context, XName.Get(name), out var byName), $"{Model.ContextName(context)}: @{name}");
                Assert.True(Model.TryGetAttribute(context, name, out var byString) && byName == byString);
            }

            Assert.Equal(Model.SwitchAttribute(context), Model.SwitchAttributeName(context)?.LocalName);
        }

        var target = Context("domain/devices/disk/target");
        Assert.False(Model.TryGetAttribute(target, XName.Get("buss"), out var missing));
        Assert.Equal(SchemaModel.None, missing);
        Assert.False(Model.TryGetAttribute(target, XName.Get("bus", "urn:other"), out _));
        // A name of the model that is not a child here (a value or another context's name) is not found.
        Assert.False(Model.TryGetChild(target, XName.Get("virtio"), out _));
        Assert.False(Model.TryGetChild(target, XName.Get("disk"), out _));
    }

    [Fact]
    public void A_switch_narrows_by_value_and_by_absence_and_otherwise_keeps_the_context()
    {
        var disk = Context("domain/devices/disk");
        var fileDisk = Context("domain/devices/disk[@type='file']");
        Assert.Equal("type", Model.SwitchAttribute(disk));
        Assert.Equal(fileDisk, Model.Narrow(disk, "file"));
        Assert.Equal(fileDisk, Model.Narrow(disk, null));
        Assert.Equal(disk, Model.Narrow(disk, "network"));
        Assert.Equal(disk, Model.Narrow(disk, "flie"));
        Assert.Null(Model.SwitchAttribute(fileDisk));
        Assert.Equal(fileDisk, Model.Narrow(fileDisk, "network"));
    }

    [Fact]
    public void Open_contexts_and_text_values_are_reported()
    {
        Assert.True(Model.AllowsAnyChild(Context("domain/metadata")));
        Assert.False(Model.AllowsAnyChild(Context("domain")));
        Assert.True(Model.AllowsAnyAttribute(Context("domain/backingStore")));
        Assert.False(Model.AllowsAnyAttribute(Context("domain")));
        var text = Model.TextValueSet(Context("domain/on_crash"));
        Assert.True(Model.Contains(text, "restart"));
        Assert.Equal(SchemaModel.None, Model.TextValueSet(Context("domain")));
    }

    [Fact]
    public void Inconsistent_tables_are_refused_up_front()
    {
        Assert.Throws<ArgumentException>(() => new SchemaModel("domain", ["b", "a"], ["/"], [0], [], [0, -1, -1, 0, 0, 0, -1]));
        Assert.Throws<ArgumentException>(() => new SchemaModel("domain", ["a"], ["/"], [0], [], [0, -1, -1, 0, 0, 1, 0, 5, -1]));
        Assert.Throws<ArgumentException>(() => new SchemaModel("domain", ["a"], ["/"], [0], [], [0, -1, -1, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => new SchemaModel("domain", ["a", "b"], ["/"], [0], [], [0, -1, -1, 0, 0, 2, 1, 0, 0, 0, -1]));
        Assert.Throws<ArgumentException>(() => new SchemaModel("domain", ["a"], ["/"], [0], [], [0, 3, -1, 0, 0, 0, -1]));
        var valid = new SchemaModel("domain", ["a"], ["/"], [0], [], [0, -1, -1, 0, 0, 1, 0, 0, -1]);
        Assert.True(valid.TryGetChild(0, "a", out var self) && self == 0);
    }
}
