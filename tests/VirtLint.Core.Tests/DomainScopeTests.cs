using System.Xml.Linq;
using VirtLint.Core;

namespace VirtLint.Core.Tests;

/// <summary>What a rule's scope is matched against: a domain's type, architecture and machine family, as libvirt reads them.</summary>
public sealed class DomainScopeTests
{
    private static DomainProfile Profile(string domainXml) => DomainProfile.Of(XElement.Parse(domainXml));

    [Theory]
    [InlineData("x86_64", "pc", "pc")]
    [InlineData("x86_64", "pc-i440fx-8.2", "pc")]
    [InlineData("x86_64", "pc-i440fx-rhel7.6.0", "pc")]
    [InlineData("x86_64", "pc-1.3", "pc")]
    [InlineData("x86_64", "rhel6.6.0", "pc")]
    [InlineData("i686", "pc-i440fx-2.12", "pc")]
    [InlineData("x86_64", "q35", "q35")]
    [InlineData("x86_64", "pc-q35-8.2", "q35")]
    [InlineData("x86_64", "pc-q35-rhel9.4.0", "q35")]
    [InlineData("x86_64", "", "pc")]
    [InlineData("x86_64", "microvm", "")]
    [InlineData("x86_64", "isapc", "")]
    [InlineData("aarch64", "virt", "virt")]
    [InlineData("aarch64", "virt-9.0", "virt")]
    [InlineData("aarch64", "virt-rhel9.4.0", "virt")]
    [InlineData("armv7l", "vexpress-a9", "")]
    [InlineData("aarch64", "", "")]
    [InlineData("riscv64", "virt", "virt")]
    [InlineData("ppc64le", "pseries-rhel8.5.0", "pseries")]
    [InlineData("ppc64", "", "pseries")]
    [InlineData("s390x", "s390-ccw-virtio-4.2", "s390-ccw-virtio")]
    [InlineData("s390x", "", "s390-ccw-virtio")]
    [InlineData("x86_64", "virt", "")]
    public void Machine_types_belong_to_the_family_libvirt_sees(string arch, string machine, string family)
    {
        Assert.Equal(family, MachineFamilies.Of(machine, arch));
    }

    [Fact]
    public void The_profile_reads_type_arch_and_machine()
    {
        var profile = Profile("<domain type='kvm'><os><type arch='aarch64' machine='virt-8.2'>hvm</type></os></domain>");
        Assert.Equal(new DomainProfile("kvm", "aarch64", true, "virt-8.2", "virt"), profile);
    }

    [Fact]
    public void A_domain_without_arch_counts_as_x86_64_and_without_machine_as_pc()
    {
        var profile = Profile("<domain type='qemu'><os><type>hvm</type></os></domain>");
        Assert.Equal(new DomainProfile("qemu", "x86_64", false, "", "pc"), profile);
        Assert.Equal(new DomainProfile("", "x86_64", false, "", "pc"), Profile("<domain/>"));
    }

    [Fact]
    public void A_scope_matches_when_every_restricted_property_matches()
    {
        var scope = new RuleScope(["kvm", "qemu", "hvf"], ["x86_64", "i686"], ["pc", "q35"]);
        Assert.True(scope.Matches(new DomainProfile("kvm", "x86_64", true, "pc-q35-8.2", "q35")));
        Assert.False(scope.Matches(new DomainProfile("xen", "x86_64", true, "xenfv", "")));
        Assert.False(scope.Matches(new DomainProfile("kvm", "aarch64", true, "virt", "virt")));
        Assert.False(scope.Matches(new DomainProfile("kvm", "x86_64", true, "microvm", "")));
        Assert.True(RuleScope.Any.Matches(new DomainProfile("", "sparc", true, "SS-5", "")));
    }

    [Fact]
    public void A_scope_describes_itself_for_the_docs()
    {
        Assert.Equal("Every domain, whatever its type, architecture and machine.", RuleScope.Any.Describe());
        Assert.Equal("Domains of type `kvm`, `qemu` or `hvf`.", new RuleScope(["kvm", "qemu", "hvf"], [], []).Describe());
        Assert.Equal(
            "Domains of type `kvm` on architecture `x86_64` or `i686`. A domain without `os/type/@arch` counts as `x86_64`.",
            new RuleScope(["kvm"], ["x86_64", "i686"], []).Describe());
        Assert.StartsWith("Domains of any type with machine family `pc` or `q35`. A family includes", new RuleScope([], [], ["pc", "q35"]).Describe());
        Assert.Equal("kvm, qemu; arch x86_64; machines pc, q35", new RuleScope(["kvm", "qemu"], ["x86_64"], ["pc", "q35"]).Summary());
        Assert.Equal("any domain", RuleScope.Any.Summary());
    }

    [Fact]
    public void The_document_reads_its_profile_once()
    {
        var document = new LintDocument("vm.xml", "<domain type='kvm'/>", XDocument.Parse("<domain type='kvm'/>"), DocumentKind.Domain);
        Assert.Same(document.Domain, document.Domain);
        Assert.Equal("kvm", document.Domain.Type);
    }
}
