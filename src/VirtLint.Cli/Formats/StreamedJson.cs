using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VirtLint.Cli.Formats;

/// <summary>
/// A JSON document written to a text output piece by piece, as files arrive: the writer fills a reusable buffer that
/// <see cref="Flush"/> hands to the output, so nothing of earlier files is kept.
/// </summary>
internal sealed class StreamedJson(TextWriter output)
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public Utf8JsonWriter Writer { get; private set; } = null!;

    public StreamedJson Start()
    {
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = ReadableJson.Encoder });
        return this;
    }

    public void Flush()
    {
        Writer.Flush();
        if (_buffer.WrittenCount == 0) return;
        output.Write(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }
}

/// <summary>Settings shared by VirtLint's readable JSON reports.</summary>
internal static class ReadableJson
{
    /// <summary>
    /// Messages quote values in 'single quotes' and paths may hold non-ASCII names; the default encoder would turn
    /// those into \u0027 escapes. The reports are never embedded in HTML, so the relaxed encoder is safe.
    /// </summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// Options for an indented, camel-case source-generated context (one instance per context); they repeat the
    /// context attribute's settings, which have no way to name an encoder.
    /// </summary>
    public static JsonSerializerOptions IndentedOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = Encoder,
    };
}
