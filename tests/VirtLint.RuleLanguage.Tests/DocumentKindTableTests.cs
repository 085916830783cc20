using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>The one table of document kinds, and the rule-file spellings of the spec's enums.</summary>
public sealed class DocumentKindTableTests
{
    [Fact]
    public void The_table_has_one_row_per_target_indexed_by_it()
    {
        Assert.Equal(Enum.GetValues<RuleTarget>(), DocumentKindTable.All.Select(k => k.Target));
        Assert.All(Enum.GetValues<RuleTarget>(), t => Assert.Equal(t, DocumentKindTable.Of(t).Target));
        Assert.All(DocumentKindTable.All, k => Assert.Same(k, DocumentKindTable.Named(k.Name)));
    }

    [Fact]
    public void Rule_files_name_the_targets_and_the_document_kinds_in_table_order()
    {
        Assert.Equal(["domain", "pool", "volume", "network", "workspace", "document"], RuleFileFields.Targets.Names);
        Assert.Equal(["domain", "pool", "volume", "network"], DocumentKindTable.LibvirtDocumentNames);
        Assert.Equal(["1", "2", "3", "4", "5", "0"], DocumentKindTable.All.Select(k => k.IdDigit.ToString()));
    }

    [Theory]
    [InlineData("domain", RuleTarget.Domain)]
    [InlineData("volume", RuleTarget.Volume)]
    [InlineData("workspace", null)]
    [InlineData("node", null)]
    public void Only_libvirt_documents_are_classified_by_their_root_element(string root, RuleTarget? expected)
    {
        Assert.Equal(expected, DocumentKindTable.OfRootElement(root)?.Target);
    }

    [Fact]
    public void Every_enum_value_has_exactly_one_spelling_that_reads_back_as_it()
    {
        RoundTrips(RuleFileFields.Severities);
        RoundTrips(RuleFileFields.Categories);
        RoundTrips(RuleFileFields.Precisions);
        RoundTrips(RuleFileFields.Targets);
        RoundTrips(RuleFileFields.ParamTypes);
    }

    private static void RoundTrips<T>(NameTable<T> table)
        where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, table.Names.Length);
        Assert.All(Enum.GetValues<T>(), value => Assert.True(table.TryParse(table.NameOf(value), out var back) && back.Equals(value), $"{value}"));
        Assert.False(table.TryParse("Error", out _));
    }
}
