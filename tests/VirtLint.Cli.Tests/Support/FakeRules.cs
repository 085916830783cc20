using System.Xml.Linq;
using VirtLint.Core;

namespace VirtLint.Cli.Tests.Support;

/// <summary>
/// A small hand-built catalogue, so the command line is tested independently of the generated built-in rules:
/// one rule per severity, one of them a security rule, one with a parameter.
/// </summary>
internal static class FakeRules
{
    public static readonly RuleDescriptor NotWellFormed = Describe(
        "VL0001", "xml-not-well-formed", "File is not well-formed XML", Severity.Error, "document", ["xml"], "document");

    public static readonly RuleDescriptor NotLibvirtDocument = Describe(
        "VL0002", "not-a-libvirt-document", "File is not a libvirt document", Severity.Warning, "document", ["xml"], "document");

    public static readonly RuleDescriptor DiskBus = Describe(
        "VL1001", "disk-bus-not-virtio", "Disk uses an emulated bus", Severity.Warning, "performance", ["disk", "performance"], "domain",
        parameters: [new RuleParameter("allowed-buses", "list", "virtio", "Buses that are not reported.")]);

    public static readonly RuleDescriptor VncAnyInterface = Describe(
        "VL1002", "vnc-listens-on-all-interfaces", "VNC listens on every interface", Severity.Error, "security", ["graphics", "security"], "domain",
        precision: "high", securitySeverity: "7.5");

    public static readonly RuleDescriptor LocalClock = Describe(
        "VL1003", "clock-offset-localtime", "Clock follows local time", Severity.Note, "correctness", ["clock"], "domain",
        precision: "medium");

    public static RuleCatalog Catalog { get; } = new(
        [LocalClock, DiskBus, NotWellFormed, VncAnyInterface, NotLibvirtDocument],
        [new DiskBusChecker(), new VncChecker(), new ClockChecker()]);

    private static RuleDescriptor Describe(
        string id, string name, string title, Severity severity, string category, string[] tags, string target,
        string precision = "very-high", string? securitySeverity = null, RuleParameter[]? parameters = null) =>
        new(id, name, title, severity, category, tags, target, precision, securitySeverity, "{message}",
            new RuleDocs(
                $"Reports {title.ToLowerInvariant()}.",
                "It makes the guest slower or less safe.",
                id == "VL1001" ? "<disk type='file'>\n  <target dev='vda' bus='ide'/>\n</disk>" : "",
                id == "VL1001" ? "<disk type='file'>\n  <target dev='vda' bus='virtio'/>\n</disk>" : "",
                id == "VL1001" ? ["https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms"] : []),
            parameters ?? [],
            $"rules/{target}/{name}.yaml");

    private sealed class DiskBusChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => DiskBus;
        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            var allowed = context.GetStringList("allowed-buses", ["virtio"]);
            foreach (var target in context.Root.Descendants("disk").Elements("target"))
            {
                var bus = target.Attribute("bus");
                if (bus is not null && !allowed.Contains(bus.Value))
                    context.Report(bus, $"Disk '{(string?)target.Attribute("dev")}' uses bus '{bus.Value}'; use 'virtio'.");
            }
        }
    }

    private sealed class VncChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => VncAnyInterface;
        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            foreach (var graphics in context.Root.Descendants("graphics"))
            {
                var listen = graphics.Attribute("listen");
                if ((string?)graphics.Attribute("type") == "vnc" && listen?.Value == "0.0.0.0")
                    context.Report(listen, "VNC listens on '0.0.0.0', reachable from every network.");
            }
        }
    }

    private sealed class ClockChecker : RuleChecker
    {
        public override RuleDescriptor Descriptor => LocalClock;
        public override DocumentKind Kind => DocumentKind.Domain;

        public override void Check(CheckContext context)
        {
            foreach (var clock in context.Root.Elements("clock"))
            {
                if ((string?)clock.Attribute("offset") == "localtime")
                    context.Report(clock.Attribute("offset")!, "Clock offset is 'localtime'.");
            }
        }
    }
}
