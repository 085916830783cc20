using VirtLint.VocabularyBuilder;

namespace VirtLint.VocabularyBuilder.Tests;

public sealed class ContextModelWriterTests
{
    [Theory]
    [InlineData("virtio", "virtio")]
    [InlineData("a b", "a%20b")]
    [InlineData("50%", "50%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Tokens_never_hold_whitespace_or_a_bare_percent(string token, string written) =>
        Assert.Equal(written, ContextModelWriter.Escape(token));

    [Fact]
    public void Writes_the_header_as_comments_then_a_section_per_kind()
    {
        var document = new SchemaContext("/");
        document.Children["pool"] = "pool";
        var pool = new SchemaContext("pool") { Text = null };
        pool.Attributes["type"] = ValueSet.Of(["dir", "logical"]);
        var text = ContextModelWriter.Write([new KindContextModel("pool", [document, pool])], ["first", "second"]);

        Assert.Equal("# first\n# second\n\n[pool]\ncontext /\n  child pool pool\ncontext pool\n  @type = dir logical\n", text);
    }
}
