using System.Xml.Linq;

namespace VirtLint.Core;

/// <summary>
/// What a rule's scope is matched against: a domain's <c>type</c>, its architecture and its machine family, read once
/// per document (<see cref="LintDocument.Domain"/>).
/// </summary>
/// <param name="Type">The domain <c>type</c> attribute (<c>kvm</c>, <c>xen</c>, …), or "" when missing.</param>
/// <param name="Arch"><c>os/type/@arch</c>, or <see cref="AssumedArch"/> when the domain states none.</param>
/// <param name="ArchStated">Whether the domain states its architecture.</param>
/// <param name="Machine"><c>os/type/@machine</c> as written, or "".</param>
/// <param name="MachineFamily">The family of the machine (<see cref="MachineFamilies"/>), or "".</param>
public sealed record DomainProfile(string Type, string Arch, bool ArchStated, string Machine, string MachineFamily)
{
    /// <summary>
    /// libvirt gives a domain without an architecture the host's; VirtLint does not know the host, so it assumes the
    /// architecture almost every libvirt host has.
    /// </summary>
    public const string AssumedArch = "x86_64";

    // Names atomised once: a string converted to an XName is looked up in the global name table on every call.
    private static readonly XName OsName = "os", TypeName = "type", ArchName = "arch", MachineName = "machine";

    public static DomainProfile Of(XElement root)
    {
        var osType = root.Element(OsName)?.Element(TypeName);
        var arch = Trimmed(osType?.Attribute(ArchName));
        var machine = Trimmed(osType?.Attribute(MachineName));
        var effectiveArch = arch.Length == 0 ? AssumedArch : arch;
        return new DomainProfile(Trimmed(root.Attribute(TypeName)), effectiveArch, arch.Length > 0, machine, MachineFamilies.Of(machine, effectiveArch));
    }

    private static string Trimmed(XAttribute? attribute) => attribute?.Value.Trim() ?? "";
}
