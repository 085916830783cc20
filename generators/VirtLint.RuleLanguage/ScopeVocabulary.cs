namespace VirtLint.RuleLanguage;

/// <summary>
/// The values a rule's <c>scope</c> may name, as libvirt 9 spells them. The engine classifies documents with the same
/// names (VirtLint.Core's <c>DomainProfile</c>), so a scope that passes here can match.
/// </summary>
public static class ScopeVocabulary
{
    /// <summary>Written instead of a list: the rule applies whatever the value.</summary>
    public const string Any = "any";

    /// <summary>Domain <c>type</c> values (libvirt's virDomainVirtType, src/conf/domain_conf.c), without <c>none</c>.</summary>
    public static readonly string[] Hypervisors =
    {
        "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test", "vmware", "hyperv", "vbox", "phyp",
        "parallels", "bhyve", "vz", "hvf",
    };

    /// <summary><c>os/type/@arch</c> values (libvirt's virArch, src/util/virarch.c), without <c>none</c>.</summary>
    public static readonly string[] Architectures =
    {
        "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32", "m68k", "microblaze",
        "microblazeel", "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle",
        "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64",
        "unicore32", "x86_64", "xtensa", "xtensaeb",
    };

    /// <summary>
    /// Machine families: each covers its alias and its versioned and distribution machine types (<c>pc</c>:
    /// <c>pc-i440fx-8.2</c>, <c>pc-i440fx-rhel7.6.0</c>; <c>q35</c>: <c>pc-q35-8.2</c>; <c>virt</c>: <c>virt-9.0</c>; …).
    /// </summary>
    public static readonly string[] MachineFamilies = { "pc", "q35", "virt", "pseries", "s390-ccw-virtio" };

    /// <summary>The keys of a <c>scope</c> mapping.</summary>
    public static readonly string[] Keys = { "hypervisors", "arch", "machines" };
}
