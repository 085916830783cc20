namespace VirtLint.Core;

/// <summary>
/// Machine families, as libvirt's QEMU driver recognises them (qemuDomainMachineIsI440FX, qemuDomainMachineIsQ35,
/// qemuDomainMachineIsARMVirt, qemuDomainMachineIsRISCVVirt, qemuDomainMachineIsPSeries and
/// qemuDomainMachineIsS390CCW in libvirt's src/qemu/qemu_domain.c): an alias, its versioned machine types and the
/// distributions' ones (<c>pc-i440fx-rhel7.6.0</c>, <c>pc-q35-rhel9.4.0</c>) all belong to one family.
/// </summary>
public static class MachineFamilies
{
    public const string Pc = "pc";
    public const string Q35 = "q35";
    public const string Virt = "virt";
    public const string PSeries = "pseries";
    public const string S390Ccw = "s390-ccw-virtio";

    public static IReadOnlyList<string> All { get; } = [Pc, Q35, Virt, PSeries, S390Ccw];

    /// <summary>
    /// The family of <paramref name="machine"/> on <paramref name="arch"/>, or "" for a machine of no family (an ARM
    /// board, <c>microvm</c>, …). A missing machine is the one libvirt 9 prefers for the architecture
    /// (virQEMUCapsGetPreferredMachine): <c>pc</c> on x86, <c>pseries</c> on ppc64 and <c>s390-ccw-virtio</c> on s390x.
    /// </summary>
    public static string Of(string machine, string arch)
    {
        if (machine.Length == 0)
            machine = arch switch
            {
                "x86_64" or "i686" => "pc",
                "ppc64" or "ppc64le" => "pseries",
                "s390x" => "s390-ccw-virtio",
                _ => "",
            };

        switch (arch)
        {
            case "x86_64" or "i686":
                if (machine == "q35" || machine.StartsWith("pc-q35-", StringComparison.Ordinal)) return Q35;
                if (machine == "pc" || machine.StartsWith("pc-0.", StringComparison.Ordinal) || machine.StartsWith("pc-1.", StringComparison.Ordinal)
                    || machine.StartsWith("pc-i440fx-", StringComparison.Ordinal) || machine.StartsWith("rhel", StringComparison.Ordinal))
                    return Pc;
                return "";
            case "armv6l" or "armv7l" or "aarch64" or "riscv32" or "riscv64":
                return machine == "virt" || machine.StartsWith("virt-", StringComparison.Ordinal) ? Virt : "";
            case "ppc64" or "ppc64le":
                return machine == "pseries" || machine.StartsWith("pseries-", StringComparison.Ordinal) ? PSeries : "";
            case "s390" or "s390x":
                return machine.StartsWith("s390-ccw", StringComparison.Ordinal) ? S390Ccw : "";
            default:
                return "";
        }
    }
}
