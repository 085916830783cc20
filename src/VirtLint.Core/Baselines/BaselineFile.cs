using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VirtLint.Core.Baselines;

/// <summary>A baseline file that cannot be used, located at <c>file:line:col</c>: exit 2, nothing written.</summary>
public sealed class BaselineException(string path, int line, int column, string message) : Exception(message)
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public override string ToString() => $"{Path}:{Line}:{Column}: {Message}";
}

/// <summary>
/// Reads and writes <c>.virtlint-baseline.json</c>:
/// <c>{"version": 1, "entries": [{"file", "rule", "location", "hash"}, …]}</c>, entries sorted, two-space indented,
/// LF line ends, so the same findings always give the same bytes and a review shows only real changes. A file from a
/// newer format version is refused rather than misread; any other problem is located at its line and column.
/// Written atomically, keeping the existing file's mode.
/// </summary>
public static class BaselineFile
{
    private static readonly string[] EntryKeys = ["file", "rule", "location", "hash"];

    public static Baseline Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException(path, 1, 1, $"Cannot read the baseline: {e.Message}");
        }

        return Parse(bytes, path);
    }

    public static Baseline Parse(byte[] bytes, string path)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var positions = new Positions(bytes, start);
        if (bytes.AsSpan(start).Trim(" \t\r\n"u8).IsEmpty)
            throw new BaselineException(path, 1, 1, "The baseline is empty; expected {\"version\": 1, \"entries\": [...]}.");
        try
        {
            // The version first, whatever the key order: a newer format is refused before its contents are judged.
            var scan = new Utf8JsonReader(bytes.AsSpan(start));
            CheckVersion(ref scan, positions, path);
            var reader = new Utf8JsonReader(bytes.AsSpan(start));
            return ReadDocument(ref reader, positions, path);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new BaselineException(path, line, column, $"The baseline is not valid JSON: {Describe(e)}");
        }
    }

    public static string Serialize(Baseline baseline)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Baseline.FormatVersion);
            w.WriteStartArray("entries");
            foreach (var entry in baseline.Entries)
            {
                w.WriteStartObject();
                w.WriteString("file", entry.File);
                w.WriteString("rule", entry.RuleId);
                w.WriteString("location", entry.Location);
                w.WriteString("hash", entry.ValueHash);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes through a temporary file renamed over the target, keeping the target's mode if it exists.</summary>
    public static void Write(string path, Baseline baseline) => AtomicFile.WriteAllText(path, Serialize(baseline));

    private static void CheckVersion(ref Utf8JsonReader reader, Positions positions, string path)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isVersion && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) && version > Baseline.FormatVersion)
                throw Error(path, positions, reader.TokenStartIndex,
                    $"The baseline has format version {version}, written by a newer VirtLint; this VirtLint reads version {Baseline.FormatVersion}. Upgrade VirtLint, or recreate the baseline with 'virtlint baseline create'.");
            reader.Skip();
        }
    }

    private static Baseline ReadDocument(ref Utf8JsonReader reader, Positions positions, string path)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) throw Error(path, positions, reader.TokenStartIndex, "A baseline is a JSON object with 'version' and 'entries'.");
        var rootStart = reader.TokenStartIndex;

        int? version = null;
        List<BaselineIdentity>? entries = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = reader.TokenStartIndex;
            var key = reader.GetString()!;
            if (!seen.Add(key)) throw Error(path, positions, keyStart, $"The key '{key}' appears twice.");
            reader.Read();
            switch (key)
            {
                case "version":
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v < 1)
                        throw Error(path, positions, reader.TokenStartIndex, "'version' is a positive whole number.");
                    version = v;
                    break;
                case "entries":
                    entries = ReadEntries(ref reader, positions, path);
                    break;
                default:
                    throw Error(path, positions, keyStart, $"Unknown key '{key}'{Configuration.NameSuggestions.Hint(key, ["version", "entries"])} A baseline has 'version' and 'entries'.");
            }
        }

        if (version is null) throw Error(path, positions, rootStart, "The baseline has no 'version'; expected \"version\": 1.");
        if (entries is null) throw Error(path, positions, rootStart, "The baseline has no 'entries'.");
        if (reader.Read()) throw Error(path, positions, reader.TokenStartIndex, "Unexpected content after the baseline object.");
        return Baseline.Create(entries);
    }

    private static List<BaselineIdentity> ReadEntries(ref Utf8JsonReader reader, Positions positions, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Error(path, positions, reader.TokenStartIndex, "'entries' is a list of {\"file\", \"rule\", \"location\", \"hash\"} objects.");
        var entries = new List<BaselineIdentity>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw Error(path, positions, reader.TokenStartIndex, "Each entry is an object with 'file', 'rule', 'location' and 'hash'.");
            var start = reader.TokenStartIndex;
            var values = new string?[EntryKeys.Length];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyStart = reader.TokenStartIndex;
                var key = reader.GetString()!;
                var index = Array.IndexOf(EntryKeys, key);
                if (index < 0) throw Error(path, positions, keyStart, $"Unknown key '{key}' in an entry{Configuration.NameSuggestions.Hint(key, EntryKeys)} An entry has 'file', 'rule', 'location' and 'hash'.");
                if (values[index] is not null) throw Error(path, positions, keyStart, $"The key '{key}' appears twice in this entry.");
                reader.Read();
                if (reader.TokenType != JsonTokenType.String) throw Error(path, positions, reader.TokenStartIndex, $"'{key}' is a string.");
                values[index] = reader.GetString()!;
            }

            for (var i = 0; i < EntryKeys.Length; i++)
                if (values[i] is null) throw Error(path, positions, start, $"This entry has no '{EntryKeys[i]}'.");
            if (values[0]!.Length == 0 || values[1]!.Length == 0 || values[3]!.Length == 0)
                throw Error(path, positions, start, "This entry has an empty 'file', 'rule' or 'hash'.");
            entries.Add(new BaselineIdentity(values[0]!, values[1]!, values[2]!, values[3]!));
        }

        return entries;
    }

    private static BaselineException Error(string path, Positions positions, long offset, string message)
    {
        var (line, column) = positions.At(offset);
        return new BaselineException(path, line, column, message);
    }

    // JsonException messages end with " LineNumber: 0 | BytePositionInLine: 5."; the location is reported separately.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    /// <summary>Line and column (in characters) of byte offsets; queried in increasing order, so one pass over the file in all.</summary>
    private sealed class Positions(byte[] bytes, int start)
    {
        private readonly byte[] _bytes = bytes;
        private long _offset;
        private int _line = 1;
        private int _column = 1;

        public (int Line, int Column) At(long offset)
        {
            offset += start;
            if (offset < _offset || _offset < start)
            {
                _offset = start;
                _line = 1;
                _column = 1;
            }

            for (; _offset < offset && _offset < _bytes.Length; _offset++)
            {
                var b = _bytes[_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    _column++; // count characters, not UTF-8 continuation bytes
                }
            }

            return (_line, _column);
        }
    }
}
