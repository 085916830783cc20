using System.Text;
using VirtLint.Core;
using VirtLint.Core.Suppressions;

namespace VirtLint.Cli.Output;

/// <summary>
/// Findings (and, for formats that list clean files, file markers) kept on disk instead of in memory, for the formats
/// that can only write once the run is over (GitHub's errors first, JUnit's totals on the root, SARIF's rule levels
/// before its results): memory stays bounded whatever the run's size. Records are read back in the order written, as
/// findings equal to the originals in everything a format shows (rule, severity, message, path, span, identity,
/// related locations, suppression), each with an optional string a format attached (a line hash).
/// </summary>
/// <remarks>
/// The file is a temporary file, unlinked as soon as it is open (deleted on close on Windows); where none can be
/// created, the records stay in memory.
/// </remarks>
internal sealed class FindingSpill : IDisposable
{
    private const byte FileRecord = 1;
    private const byte FindingRecord = 2;

    private readonly Dictionary<string, RuleDescriptor> _rules = new(StringComparer.Ordinal);
    private Stream? _stream;
    private BinaryWriter? _writer;
    private long _length;

    /// <summary>How many findings were added.</summary>
    public int Count { get; private set; }

    /// <summary>Marks the start of a linted file (clean or not): a reader sees it before the file's findings.</summary>
    public void AddFile(string path)
    {
        var writer = Writer();
        writer.Write(FileRecord);
        writer.Write(path);
    }

    public void Add(Finding finding, string? extra = null)
    {
        _rules.TryAdd(finding.RuleId, finding.Rule);
        Count++;
        var w = Writer();
        w.Write(FindingRecord);
        w.Write(finding.RuleId);
        w.Write((byte)finding.Severity);
        w.Write(finding.Message);
        w.Write(finding.Path);
        Write(w, finding.Span);
        w.Write(finding.StartOffset);
        w.Write(finding.EndOffset);
        w.Write(finding.LogicalLocation);
        w.Write(finding.CanonicalValue);
        w.Write(finding.Related.Count);
        foreach (var related in finding.Related)
        {
            w.Write(related.Path);
            Write(w, related.Span);
            w.Write(related.Message);
        }

        w.Write(finding.Baselined);
        WriteOptional(w, finding.Suppression is null ? null : "");
        if (finding.Suppression is { } match)
        {
            w.Write((byte)match.By);
            WriteOptional(w, match.Reason);
            w.Write(match.Until?.DayNumber ?? -1);
        }

        WriteOptional(w, extra);
    }

    /// <summary>Every record in the order added: a file marker (<see cref="SpillRecord.File"/>) or a finding. Can be read more than once.</summary>
    public IEnumerable<SpillRecord> Read()
    {
        if (_stream is null) yield break;
        _writer!.Flush();
        _length = Math.Max(_length, _stream.Position);
        _stream.Position = 0;
        using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        while (_stream.Position < _length)
        {
            var kind = reader.ReadByte();
            if (kind == FileRecord)
            {
                yield return new SpillRecord(reader.ReadString(), null, null);
                continue;
            }

            var rule = _rules[reader.ReadString()];
            var severity = (Severity)reader.ReadByte();
            var message = reader.ReadString();
            var path = reader.ReadString();
            var span = ReadSpan(reader);
            var start = reader.ReadInt32();
            var end = reader.ReadInt32();
            var logical = reader.ReadString();
            var canonical = reader.ReadString();
            var related = new RelatedLocation[reader.ReadInt32()];
            for (var i = 0; i < related.Length; i++) related[i] = new RelatedLocation(reader.ReadString(), ReadSpan(reader), reader.ReadString());
            var baselined = reader.ReadBoolean();
            SuppressionMatch? suppression = null;
            if (ReadOptional(reader) is not null)
            {
                var by = (SuppressionCarrier)reader.ReadByte();
                var reason = ReadOptional(reader);
                var day = reader.ReadInt32();
                suppression = new SuppressionMatch(by, reason, day < 0 ? null : DateOnly.FromDayNumber(day));
            }

            var finding = new Finding(rule, severity, message, path, span)
            {
                StartOffset = start,
                EndOffset = end,
                LogicalLocation = logical,
                CanonicalValue = canonical,
                Related = related,
                Baselined = baselined,
                Suppression = suppression,
            };
            yield return new SpillRecord(null, finding, ReadOptional(reader));
        }
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _stream?.Dispose();
    }

    private BinaryWriter Writer()
    {
        if (_writer is not null) return _writer;
        _stream = Open();
        return _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }

    private static Stream Open()
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"virtlint-{Environment.ProcessId}-{Guid.NewGuid():N}.spill");
            if (OperatingSystem.IsWindows())
                return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

            // Unlinked at once: the open file lives on, and nothing is left behind even if the process is killed.
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            File.Delete(path);
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No writable temporary directory: correct output matters more than bounded memory.
            return new MemoryStream();
        }
    }

    private static void Write(BinaryWriter w, SourceSpan span)
    {
        w.Write(span.StartLine);
        w.Write(span.StartColumn);
        w.Write(span.EndLine);
        w.Write(span.EndColumn);
    }

    private static SourceSpan ReadSpan(BinaryReader r) => new(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null) w.Write(value);
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}

/// <summary>One record of a <see cref="FindingSpill"/>: a file marker (<see cref="File"/> set) or a finding with what a format attached to it.</summary>
internal sealed record SpillRecord(string? File, Finding? Finding, string? Extra);

/// <summary>Merges findings already in report order with a run's late findings (also in report order), earlier ones first among equals.</summary>
internal static class ReportOrder
{
    public static IEnumerable<T> Merge<T>(IEnumerable<T> first, IReadOnlyList<T> late, Func<T, Finding> finding)
    {
        var next = 0;
        foreach (var item in first)
        {
            while (next < late.Count && Finding.Compare(finding(late[next]), finding(item)) < 0) yield return late[next++];
            yield return item;
        }

        while (next < late.Count) yield return late[next++];
    }
}
