using System.Text;
using VirtLint.Core.Decoding;

namespace VirtLint.Core.Tests;

/// <summary>Bytes are decoded as libxml2 decodes them: invalid bytes and unknown encodings are located VL0001 errors, never U+FFFD.</summary>
public sealed class DecodingTests
{
    private static LoadResult Load(byte[] bytes) => DocumentLoader.Load("vm.xml", bytes, TestCatalog.Catalog);

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p switch
        {
            string s => Encoding.ASCII.GetBytes(s),
            byte b => [b],
            byte[] a => a,
            _ => throw new ArgumentException(p.GetType().Name),
        }).ToArray();

    private static void AssertError(LoadResult result, int line, int column, string message)
    {
        Assert.Null(result.Document);
        var problem = Assert.IsType<Finding>(result.Problem);
        Assert.Equal("VL0001", problem.RuleId);
        Assert.Equal((line, column, message), (problem.Span.StartLine, problem.Span.StartColumn, problem.Message));
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_the_offending_byte_not_a_replacement_character()
    {
        var result = Load(Bytes("<domain type='kvm'>\n  <name>caf", (byte)0xE9, "</name>\n</domain>"));

        AssertError(result, 2, 12, "Byte 0xE9 is not valid UTF-8, the document's encoding; save the file as UTF-8 or declare its real encoding.");
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF }, "Byte 0xC0")]              // overlong encoding of '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "Byte 0xED")]        // a UTF-16 surrogate written as UTF-8
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "Byte 0xF4")]  // beyond U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 }, "Bytes 0xE2 0x82")]        // truncated at the end of the file
    public void Every_kind_of_invalid_utf8_is_refused(byte[] invalid, string named)
    {
        var result = Load(Bytes("<domain>", invalid));

        Assert.Equal((1, 9), (result.Problem!.Span.StartLine, result.Problem.Span.StartColumn));
        Assert.StartsWith(named + " ", result.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_iso_8859_1_document_is_read_as_latin1()
    {
        var result = Load(Bytes("<?xml version='1.0' encoding='ISO-8859-1'?>\n<domain type='kvm'><name>caf", (byte)0xE9, "</name></domain>"));

        Assert.Null(result.Problem);
        Assert.Equal("café", result.Document!.Root.Element("name")!.Value);
        Assert.Equal(SourceEncoding.Latin1, result.Decoded!.Encoding);
    }

    [Fact]
    public void A_non_ascii_byte_in_a_us_ascii_document_is_an_error()
    {
        var result = Load(Bytes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<domain>\n<name>x", (byte)0xA0, "</name></domain>"));

        AssertError(result, 3, 8, "Byte 0xA0 is not US-ASCII, the encoding the document declares.");
    }

    [Theory]
    [InlineData("<?xml version='1.0' encoding='windows-1252'?><domain/>", 1, 31, "The document declares encoding 'windows-1252', which VirtLint does not read; use UTF-8, UTF-16, ISO-8859-1 or US-ASCII.")]
    [InlineData("<?xml version='1.0'\n    encoding=''?><domain/>", 2, 15, "The XML declaration names an empty encoding; declare the document's encoding, such as 'UTF-8'.")]
    [InlineData("<?xml version='1.0' encoding='UTF-16'?><domain/>", 1, 31, "The document declares encoding 'UTF-16' but its bytes are not UTF-16 (there is no byte-order mark).")]
    public void An_unknown_empty_or_contradicted_encoding_is_an_error_at_the_declaration(string text, int line, int column, string message)
    {
        AssertError(Load(Encoding.ASCII.GetBytes(text)), line, column, message);
    }

    [Fact]
    public void A_utf8_byte_order_mark_contradicting_the_declaration_is_an_error()
    {
        var result = Load(Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "<?xml version='1.0' encoding='latin1'?><domain/>"));

        AssertError(result, 1, 31, "The file starts with a UTF-8 byte-order mark but declares encoding 'latin1'.");
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read_in_either_byte_order()
    {
        const string text = "<?xml version='1.0' encoding='UTF-16'?>\n<domain type='kvm'><name>caf\u00e9 \U0001F600</name></domain>";
        var little = Load([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var big = Load([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]);

        Assert.Equal(SourceEncoding.Utf16LittleEndian, little.Decoded!.Encoding);
        Assert.Equal(SourceEncoding.Utf16BigEndian, big.Decoded!.Encoding);
        Assert.Equal("caf\u00e9 \U0001F600", little.Document!.Root.Element("name")!.Value);
        Assert.Equal("caf\u00e9 \U0001F600", big.Document!.Root.Element("name")!.Value);
        Assert.Equal(2, little.Decoded!.PreambleLength);
    }

    [Fact]
    public void An_unpaired_utf16_surrogate_is_an_error_at_its_position()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<domain>\n<name>ab")).Concat(new byte[] { 0x00, 0xD8 })
            .Concat(Encoding.Unicode.GetBytes("</name></domain>")).ToArray();

        AssertError(Load(bytes), 2, 9, "Unpaired UTF-16 surrogate 0xD800; the file is not valid UTF-16.");
    }

    [Fact]
    public void A_utf16_file_with_an_odd_number_of_bytes_is_an_error_at_its_end()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<domain/>")).Append((byte)0x20).ToArray();

        AssertError(Load(bytes), 1, 10, "The file ends in the middle of a UTF-16 character (it has an odd number of bytes).");
    }

    [Fact]
    public void A_utf16_file_declaring_another_encoding_is_an_error()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version='1.0' encoding='UTF-8'?><domain/>")).ToArray();

        AssertError(Load(bytes), 1, 31, "The file is UTF-16LE by its byte-order mark but declares encoding 'UTF-8'.");
    }

    [Fact]
    public void Utf8_without_a_declaration_is_the_default_and_recorded()
    {
        var result = Load(Encoding.UTF8.GetBytes("<domain><name>caf\u00e9</name></domain>"));

        Assert.Equal(SourceEncoding.Utf8, result.Decoded!.Encoding);
        Assert.Equal(new DecodedText("<domain><name>caf\u00e9</name></domain>", SourceEncoding.Utf8, 0), result.Decoded);
    }

    [Fact]
    public void The_code_frame_text_of_an_undecodable_file_shows_the_bad_byte_as_a_replacement_character()
    {
        var result = Load(Bytes("<domain>\n<name>", (byte)0xFF, "</name></domain>"));

        Assert.Equal("<domain>\n<name>\uFFFD</name></domain>", result.Text);
    }
}
