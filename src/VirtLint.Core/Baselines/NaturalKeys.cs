using System.Xml.Linq;
using VirtLint.RuleLanguage;

namespace VirtLint.Core.Baselines;

/// <summary>
/// libvirt's own identities for the elements findings point into: what stays the same when a definition is
/// re-dumped, re-indented or its devices reordered. Keys: domain, network and pool <c>name</c>; volume <c>key</c>
/// (else <c>name</c>); disk <c>target/@dev</c>; interface <c>mac/@address</c>; controller <c>@type</c>,<c>@index</c>;
/// hostdev its source address (or USB vendor/product); graphics <c>@type</c>; DHCP host <c>@mac</c> (else
/// <c>@name</c>, else <c>@ip</c>); and, beyond those, channel <c>target/@name</c>, filesystem <c>target/@dir</c>,
/// vcpupin <c>@vcpu</c>, iothreadpin <c>@iothread</c>, NUMA cell <c>@id</c>, a network's <c>ip</c> <c>@address</c>
/// and forward interface <c>@dev</c>. Other elements have no key and are told apart by position.
/// </summary>
internal static class NaturalKeys
{
    // Names converted once: an implicit string-to-XName conversion hashes the string on every call, for every finding.
    private static readonly XName N_adapter = "adapter";
    private static readonly XName N_address = "address";
    private static readonly XName N_dev = "dev";
    private static readonly XName N_dir = "dir";
    private static readonly XName N_id = "id";
    private static readonly XName N_index = "index";
    private static readonly XName N_iothread = "iothread";
    private static readonly XName N_ip = "ip";
    private static readonly XName N_mac = "mac";
    private static readonly XName N_name = "name";
    private static readonly XName N_product = "product";
    private static readonly XName N_source = "source";
    private static readonly XName N_target = "target";
    private static readonly XName N_type = "type";
    private static readonly XName N_vcpu = "vcpu";
    private static readonly XName N_vendor = "vendor";

    /// <summary>The key of a root element (<c>web01</c> in <c>domain[web01]</c>), or null.</summary>
    public static string? OfRoot(XElement root)
    {
        if (DocumentKindTable.OfRootElement(root.Name.LocalName) is not { } kind) return null;
        foreach (var key in kind.KeyElements)
            if (Text(root.Element(key)) is { } text) return text;
        return null;
    }

    /// <summary>The key of a non-root element among its siblings, or null when it has none.</summary>
    public static string? Of(XElement element)
    {
        var parent = element.Parent?.Name.LocalName;
        return (parent, element.Name.LocalName) switch
        {
            ("devices", "disk") => Attribute(element.Element(N_target), N_dev),
            ("devices", "interface") => Attribute(element.Element(N_mac), N_address)?.ToLowerInvariant(),
            ("devices", "controller") => Join(Attribute(element, N_type), Attribute(element, N_index)),
            ("devices", "hostdev") => HostdevSource(element),
            ("devices", "graphics") => Attribute(element, N_type),
            ("devices", "channel") => Attribute(element.Element(N_target), N_name),
            ("devices", "filesystem") => Attribute(element.Element(N_target), N_dir),
            ("dhcp", "host") => Attribute(element, N_mac)?.ToLowerInvariant() ?? Attribute(element, N_name) ?? Attribute(element, N_ip),
            ("cputune", "vcpupin") => Attribute(element, N_vcpu),
            ("cputune", "iothreadpin") => Attribute(element, N_iothread),
            ("numa", "cell") => Attribute(element, N_id),
            ("network", "ip") => Attribute(element, N_address),
            ("forward", "interface") => Attribute(element, N_dev),
            _ => null,
        };
    }

    // PCI/SCSI/mdev hostdevs: the source address's attributes, sorted by name; USB: vendor and product ids.
    private static string? HostdevSource(XElement hostdev)
    {
        var source = hostdev.Element(N_source);
        if (source is null) return null;
        if (source.Element(N_address) is { } address && address.HasAttributes)
            return string.Join(",", address.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.LocalName, StringComparer.Ordinal).Select(a => $"{a.Name.LocalName}={a.Value}"));
        var vendor = Attribute(source.Element(N_vendor), N_id);
        var product = Attribute(source.Element(N_product), N_id);
        if (vendor is not null || product is not null) return $"vendor={vendor},product={product}";
        return Attribute(source.Element(N_adapter), N_name);
    }

    private static string? Join(string? a, string? b) => a is null && b is null ? null : $"{a},{b}";

    private static string? Attribute(XElement? element, XName name) => element?.Attribute(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } value ? value : null;
}
