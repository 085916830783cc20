using static VirtLint.VocabularyBuilder.Tests.Grammars;

namespace VirtLint.VocabularyBuilder.Tests;

public sealed class ContextModelBuilderTests
{
    [Fact]
    public void Closed_values_come_from_value_choices_through_refs_and_open_values_from_data_and_text()
    {
        var model = Model("""
            <start><element name='disk'>
              <attribute name='bus'><choice><value>virtio</value><value> ide </value><ref name='moreBuses'/></choice></attribute>
              <optional><attribute name='cache'><ref name='yesNo'/></attribute></optional>
              <optional><attribute name='serial'><data type='string'/></attribute></optional>
              <optional><attribute name='mixedBag'><choice><value>auto</value><data type='unsignedInt'/></choice></attribute></optional>
              <optional><attribute name='plain'/></optional>
              <optional><element name='on_crash'><choice><value>destroy</value><value>restart</value></choice></element></optional>
              <optional><element name='label'><text/></element></optional>
            </element></start>
            <define name='moreBuses'><choice><value>sata</value><notAllowed/></choice></define>
            <define name='yesNo'><choice><value>yes</value><value>no</value></choice></define>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child disk disk",
            "context disk",
            "  @bus = ide sata virtio",
            "  @cache = no yes",
            "  @mixedBag",
            "  @plain",
            "  @serial",
            "  child label disk/label",
            "  child on_crash disk/on_crash",
            "context disk/label",
            "context disk/on_crash",
            "  text = destroy restart"), model);
    }

    [Fact]
    public void An_element_name_under_different_parents_gets_the_context_of_its_own_definition()
    {
        var model = Model("""
            <start><element name='devices'><interleave>
              <element name='disk'><element name='source'><attribute name='file'/></element></element>
              <element name='interface'><element name='source'><attribute name='network'/></element></element>
              <element name='video'><ref name='address'/></element>
              <element name='sound'><ref name='address'/></element>
            </interleave></element></start>
            <define name='address'><element name='address'><attribute name='slot'/></element></define>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child devices devices",
            "context devices",
            "  child disk devices/disk",
            "  child interface devices/interface",
            "  child sound devices/sound",
            "  child video devices/sound",
            "context devices/disk",
            "  child source devices/disk/source",
            "context devices/disk/source",
            "  @file",
            "context devices/interface",
            "  child source devices/interface/source",
            "context devices/interface/source",
            "  @network",
            "context devices/sound",
            "  child address devices/sound/address",
            "context devices/sound/address",
            "  @slot"), model);
    }

    [Fact]
    public void A_choice_on_a_required_attribute_gives_one_narrower_context_per_value_and_none_without_it()
    {
        var model = Model("""
            <start><element name='address'>
              <choice>
                <group><attribute name='type'><value>pci</value></attribute><attribute name='slot'/><attribute name='bus'/></group>
                <group><attribute name='type'><value>drive</value></attribute><attribute name='unit'/><attribute name='bus'/></group>
              </choice>
              <optional><attribute name='multifunction'><choice><value>on</value><value>off</value></choice></attribute></optional>
            </element></start>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child address address",
            "context address",
            "  switch @type",
            "  case drive address[@type='drive']",
            "  case pci address[@type='pci']",
            "  @bus",
            "  @multifunction = off on",
            "  @slot",
            "  @type = drive pci",
            "  @unit",
            "context address[@type='drive']",
            "  @bus",
            "  @multifunction = off on",
            "  @type = drive",
            "  @unit",
            "context address[@type='pci']",
            "  @bus",
            "  @multifunction = off on",
            "  @slot",
            "  @type = pci"), model);
    }

    [Fact]
    public void An_optional_discriminator_makes_its_branch_the_context_of_an_element_without_it_and_narrows_children()
    {
        // As libvirt's disk: type='file' may be left out, and each type has its own <source>.
        var model = Model("""
            <start><element name='disk'>
              <choice>
                <group><optional><attribute name='type'><value>file</value></attribute></optional>
                  <element name='source'><attribute name='file'/></element></group>
                <group><attribute name='type'><value>network</value></attribute>
                  <element name='source'><attribute name='protocol'/><element name='host'><empty/></element></element></group>
              </choice>
              <element name='target'><attribute name='dev'/></element>
            </element></start>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child disk disk",
            "context disk",
            "  switch @type",
            "  case file disk[@type='file']",
            "  case network disk[@type='network']",
            "  absent disk[not(@type)]",
            "  @type = file network",
            "  child source disk/source",
            "  child target disk/target",
            "context disk/source",
            "  @file",
            "  @protocol",
            "  child host disk/source/host",
            "context disk/source/host",
            "context disk/target",
            "  @dev",
            "context disk[@type='file']",
            "  @type = file",
            "  child source disk[@type='file']/source",
            "  child target disk/target",
            "context disk[@type='file']/source",
            "  @file",
            "context disk[@type='network']",
            "  @type = network",
            "  child source disk[@type='network']/source",
            "  child target disk/target",
            "context disk[@type='network']/source",
            "  @protocol",
            "  child host disk/source/host",
            "context disk[not(@type)]",
            "  child source disk[@type='file']/source",
            "  child target disk/target"), model);
    }

    [Fact]
    public void Open_names_foreign_namespaces_and_placeholders_that_never_match_are_left_out()
    {
        var model = Model("""
            <start><element name='domain'><interleave>
              <element name='metadata'><zeroOrMore><ref name='anything'/></zeroOrMore></element>
              <element name='cpu'><zeroOrMore><attribute><anyName/></attribute></zeroOrMore></element>
              <element name='commandline' ns='http://libvirt.org/schemas/domain/qemu/1.0'><element name='arg'><empty/></element></element>
              <optional><ref name='privateData'/></optional>
              <choice><element name='os'><empty/></element><notAllowed/></choice>
            </interleave></element></start>
            <define name='anything'><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name='anything'/></choice></zeroOrMore></element></define>
            <define name='privateData'><element name='private'><notAllowed/></element></define>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child domain domain",
            "context domain",
            "  child cpu domain/cpu",
            "  child metadata domain/metadata",
            "  child os domain/os",
            "context domain/cpu",
            "  @*",
            "context domain/metadata",
            "  child *",
            "context domain/os"), model);
    }

    [Fact]
    public void Included_files_and_their_overrides_are_read()
    {
        // As domainoverrides.rng fills storagecommon.rng's notAllowed placeholder with combine='choice'.
        var model = Model(
            """
            <include href='common.rng'/>
            <define name='extra' combine='choice'><attribute name='startupPolicy'><value>optional</value></attribute></define>
            """,
            ("common.rng", """
                <start><element name='source'><optional><ref name='extra'/></optional></element></start>
                <define name='extra'><notAllowed/></define>
                """));

        Assert.Equal(Lines(
            "context /",
            "  child source source",
            "context source",
            "  @startupPolicy = optional"), model);
    }

    [Fact]
    public void Recursive_definitions_end_in_a_context_that_refers_to_itself()
    {
        var model = Model("""
            <start><ref name='backingStore'/></start>
            <define name='backingStore'><element name='backingStore'><optional><attribute name='index'/></optional><optional><ref name='backingStore'/></optional></element></define>
            """);

        Assert.Equal(Lines(
            "context /",
            "  child backingStore backingStore",
            "context backingStore",
            "  @index",
            "  child backingStore backingStore"), model);
    }
}
