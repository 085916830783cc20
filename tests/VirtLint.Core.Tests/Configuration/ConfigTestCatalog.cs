using VirtLint.Core.Configuration;

namespace VirtLint.Core.Tests.Configuration;

/// <summary>
/// A catalogue shaped like the built-in one (ids, names, tags, categories, typed parameters) but fixed, so that
/// configuration tests do not change when a built-in rule's default severity is recalibrated.
/// </summary>
internal static class ConfigTestCatalog
{
    private static RuleDescriptor Rule(string id, string name, Severity severity, string category, string[] tags, string target, params RuleParameter[] parameters) =>
        new(id, name, name.Replace('-', ' '), severity, category, tags, target, "high", category == "security" ? "7.5" : null, "", new RuleDocs("", "", "", "", []), parameters, $"rules/{target}/{name}.yaml");

    public static readonly RuleDescriptor NotWellFormed = Rule("VL0001", "xml-not-well-formed", Severity.Error, "correctness", ["xml"], "document");
    public static readonly RuleDescriptor NotLibvirt = Rule("VL0002", "not-a-libvirt-document", Severity.Note, "correctness", ["xml"], "document");
    public static readonly RuleDescriptor DiskBus = Rule("VL1001", "disk-bus-not-virtio", Severity.Warning, "performance", ["disk", "virtio"], "domain",
        new RuleParameter("emulated-buses", "string-list", "ide, sata, usb, fdc", "Buses that emulate real hardware."));
    public static readonly RuleDescriptor DiskCache = Rule("VL1003", "disk-cache-not-none", Severity.Warning, "performance", ["disk", "cache"], "domain");
    public static readonly RuleDescriptor ThinDiscard = Rule("VL1007", "thin-disk-discard-not-unmap", Severity.Note, "reliability", ["disk", "thin-provisioning"], "domain");
    public static readonly RuleDescriptor NicModel = Rule("VL1201", "nic-model-not-virtio", Severity.Warning, "performance", ["network", "virtio"], "domain",
        new RuleParameter("emulated-models", "string-list", "e1000, e1000e, rtl8139", "NIC models that emulate real hardware."));
    public static readonly RuleDescriptor Vnc = Rule("VL1202", "graphics-listen-all-addresses-without-password", Severity.Error, "security", ["graphics"], "domain");
    public static readonly RuleDescriptor Passthrough = Rule("VL1213", "pci-passthrough-blocks-migration", Severity.Note, "migration", ["hostdev"], "domain");
    public static readonly RuleDescriptor PoolFull = Rule("VL2001", "pool-nearly-full", Severity.Warning, "reliability", ["capacity"], "pool",
        new RuleParameter("nearly-full-ratio", "number", "0.9", "Used fraction at which a pool counts as nearly full."),
        new RuleParameter("max-volumes", "integer", "100", "Volumes above which the pool is crowded."),
        new RuleParameter("count-inactive", "boolean", "false", "Whether inactive pools count."),
        new RuleParameter("max-mode", "string", "0711", "Loosest mode."));

    public static RuleCatalog Catalog { get; } = new([NotWellFormed, NotLibvirt, DiskBus, DiskCache, ThinDiscard, NicModel, Vnc, Passthrough, PoolFull], []);

    public static RuleLookup Lookup { get; } = new(Catalog);
}
