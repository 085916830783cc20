using VirtLint.Core.Schema;

namespace VirtLint.Core.Tests.Schema;

/// <summary>One context of a hand-written test model; targets are context names.</summary>
internal sealed record TestContext(
    string Name,
    (string Name, string[]? Values)[]? Attributes = null,
    (string Name, string Target)[]? Children = null,
    string[]? Text = null,
    string? Switch = null,
    (string Value, string Target)[]? Cases = null,
    string? Absent = null,
    bool AnyAttribute = false,
    bool AnyChild = false);

/// <summary>
/// Lays test contexts out in <see cref="SchemaModel"/>'s documented table format, as the generator does for the real
/// model, so the engine's tests read as a model file rather than as arrays of numbers.
/// </summary>
internal static class SchemaTables
{
    public static SchemaModel Build(string kind, params TestContext[] contexts)
    {
        var strings = contexts.SelectMany(c =>
                (c.Attributes ?? []).SelectMany(a => (a.Values ?? []).Append(a.Name))
                .Concat((c.Children ?? []).Select(p => p.Name))
                .Concat((c.Cases ?? []).Select(p => p.Value))
                .Concat(c.Text ?? [])
                .Concat(c.Switch is null ? [] : [c.Switch]))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        int Id(string s) => Array.IndexOf(strings, s);
        int Context(string name) => Array.FindIndex(contexts, c => c.Name == name) is var i and >= 0 ? i : throw new ArgumentException($"no context '{name}'");

        var data = new List<int>();
        var valueSets = new List<string[]>();
        int ValueSet(string[]? values)
        {
            if (values is null) return SchemaModel.None;
            valueSets.Add(values.Order(StringComparer.Ordinal).ToArray());
            return valueSets.Count - 1;
        }

        var offsets = new List<int>();
        foreach (var context in contexts)
        {
            offsets.Add(data.Count);
            data.Add((context.AnyAttribute ? 1 : 0) | (context.AnyChild ? 2 : 0));
            data.Add(context.Switch is null ? SchemaModel.None : Id(context.Switch));
            data.Add(context.Absent is null ? SchemaModel.None : Context(context.Absent));
            AddPairs(data, (context.Cases ?? []).Select(c => (Id(c.Value), Context(c.Target))));
            AddPairs(data, (context.Attributes ?? []).Select(a => (Id(a.Name), ValueSet(a.Values))));
            AddPairs(data, (context.Children ?? []).Select(c => (Id(c.Name), Context(c.Target))));
            data.Add(ValueSet(context.Text));
        }

        var valueSetOffsets = new List<int>();
        foreach (var values in valueSets)
        {
            valueSetOffsets.Add(data.Count);
            data.Add(values.Length);
            data.AddRange(values.Select(Id));
        }

        return new SchemaModel(kind, strings, contexts.Select(c => c.Name).ToArray(), offsets.ToArray(), valueSetOffsets.ToArray(), data.ToArray());
    }

    private static void AddPairs(List<int> data, IEnumerable<(int Name, int Target)> pairs)
    {
        var sorted = pairs.OrderBy(p => p.Name).ToList();
        data.Add(sorted.Count);
        foreach (var (name, target) in sorted)
        {
            data.Add(name);
            data.Add(target);
        }
    }

    /// <summary>A small domain model: disks narrowed by type, an open &lt;metadata&gt;, an enumerated text, recursion.</summary>
    public static SchemaModel Domain { get; } = Build("domain",
        new TestContext("/", Children: [("domain", "domain")]),
        new TestContext("domain",
            Attributes: [("type", ["kvm", "qemu"])],
            Children: [("devices", "domain/devices"), ("metadata", "domain/metadata"), ("on_crash", "domain/on_crash"), ("backingStore", "domain/backingStore")]),
        new TestContext("domain/devices", Children: [("disk", "domain/devices/disk")]),
        new TestContext("domain/devices/disk",
            Switch: "type", Cases: [("file", "domain/devices/disk[@type='file']")], Absent: "domain/devices/disk[@type='file']",
            Attributes: [("device", ["cdrom", "disk", "lun"]), ("type", ["file", "network"])],
            Children: [("source", "domain/devices/disk/source"), ("target", "domain/devices/disk/target")]),
        new TestContext("domain/devices/disk[@type='file']",
            Attributes: [("device", ["cdrom", "disk"]), ("type", ["file"])],
            Children: [("source", "domain/devices/disk[@type='file']/source"), ("target", "domain/devices/disk/target")]),
        new TestContext("domain/devices/disk/source", Attributes: [("file", null), ("protocol", ["nbd", "rbd"])], Children: [("host", "domain/devices/disk/source/host")]),
        new TestContext("domain/devices/disk[@type='file']/source", Attributes: [("file", null)]),
        new TestContext("domain/devices/disk/source/host", Attributes: [("name", null)]),
        new TestContext("domain/devices/disk/target", Attributes: [("bus", ["ide", "sata", "scsi", "virtio"]), ("dev", null)]),
        new TestContext("domain/metadata", AnyChild: true),
        new TestContext("domain/on_crash", Text: ["destroy", "restart"]),
        new TestContext("domain/backingStore", AnyAttribute: true, Children: [("backingStore", "domain/backingStore")]));
}
