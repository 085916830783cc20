using VirtLint.Core;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleRuntime.Tests;

/// <summary>
/// The engine's <see cref="DocumentKind"/> and the rule language's table of document kinds agree: the engine compiles
/// the table in, and its enum's members are the table's targets by name and number.
/// </summary>
public sealed class DocumentKindAgreementTests
{
    [Fact]
    public void Every_document_kind_is_the_table_row_of_the_same_name()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var row = DocumentKindTable.Of((RuleTarget)(int)kind);
            Assert.Equal(kind.ToString().ToLowerInvariant(), row.Name);
            Assert.Equal(row.Name, kind.ToName());
            Assert.Equal(kind, RuleDescriptors.KindOf(row.Target));
            Assert.Equal(kind, RuleDescriptors.KindOf(row.Name));
        }
    }

    [Fact]
    public void Every_target_with_a_check_has_a_document_kind_and_only_libvirt_documents_have_root_elements_the_engine_classifies()
    {
        foreach (var row in DocumentKindTable.All.Where(r => r.Target != RuleTarget.Document))
            Assert.True(Enum.IsDefined((DocumentKind)(int)row.Target), row.Name);
        Assert.Throws<ArgumentException>(() => RuleDescriptors.KindOf(RuleTarget.Document));

        foreach (var row in DocumentKindTable.All.Where(r => r.RootElement is not null))
            Assert.Equal(row.IsLibvirtDocument ? (DocumentKind)(int)row.Target : null, DocumentKinds.FromRootElement(row.RootElement!));
    }

    [Fact]
    public void An_integer_parameter_keeps_its_type_and_default_in_the_compiled_and_the_interpreted_descriptor()
    {
        var spec = BuiltInRulesInterpreted.Rules.Specs.Single(s => s.Name == "disk-serial-truncated");
        var compiled = VirtLint.Rules.BuiltInRules.Catalog.Find(spec.Id)!;

        Assert.Equal(("max-length", new IntegerDefault(20)), (spec.Parameters.Single().Name, spec.Parameters.Single().Default));
        Assert.Equal(("integer", "20"), (compiled.Parameters[0].Type, compiled.Parameters[0].DefaultValue));
        Assert.Equal(compiled.Parameters, RuleDescriptors.From(spec).Parameters);
    }
}
