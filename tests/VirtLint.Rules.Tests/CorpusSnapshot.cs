using System.Globalization;
using VirtLint.Core;

namespace VirtLint.Rules.Tests;

/// <summary>
/// The committed list of every finding over the shared corpus (<c>Snapshots/corpus-findings.txt</c>): one
/// <c>rule, file, line, column</c> line per finding, so a change in what any rule finds shows up as a reviewable diff.
/// </summary>
internal static class CorpusSnapshot
{
    public const string UpdateVariable = "VIRTLINT_UPDATE_SNAPSHOTS";

    public const string UpdateCommand = $"{UpdateVariable}=1 dotnet test tests/VirtLint.Rules.Tests --filter FullyQualifiedName~CorpusTests.Corpus_findings_match_the_snapshot";

    public static string FilePath => Path.Combine(RepositoryPaths.Root, "tests", "VirtLint.Rules.Tests", "Snapshots", "corpus-findings.txt");

    public static bool Update => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    private static readonly string[] Header =
    [
        "# Every finding of the built-in rules over ../shared/corpus: rule, file (corpus-relative), line, column, tab-separated.",
        $"# Sorted by rule, file (ordinal), line and column. Regenerate: {UpdateCommand}",
    ];

    /// <summary>The snapshot's lines for a run over <paramref name="corpus"/>, in an order that is the same on every machine.</summary>
    public static IReadOnlyList<string> Render(string corpus, IEnumerable<Finding> findings) =>
        findings
            .Select(f => (f.RuleId, File: Path.GetRelativePath(corpus, f.Path).Replace('\\', '/'), f.Span.StartLine, f.Span.StartColumn))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.StartLine)
            .ThenBy(f => f.StartColumn)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.RuleId}\t{f.File}\t{f.StartLine}\t{f.StartColumn}"))
            .ToList();

    public static string Text(IReadOnlyList<string> lines) => string.Join("\n", Header.Concat(lines)) + "\n";

    /// <summary>The committed lines without the header; empty when there is no snapshot yet.</summary>
    public static IReadOnlyList<string> ReadCommitted() =>
        File.Exists(FilePath)
            ? File.ReadAllText(FilePath).Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList()
            : [];

    /// <summary>
    /// A diff of two snapshots as <c>- line</c> (no longer found) and <c>+ line</c> (newly found), walking both in
    /// their sorted order, with at most <paramref name="limit"/> lines shown.
    /// </summary>
    public static string Diff(IReadOnlyList<string> committed, IReadOnlyList<string> actual, int limit = 60)
    {
        var removed = Multiset(committed);
        var added = Multiset(actual);
        foreach (var line in added.Keys.ToList())
        {
            if (!removed.TryGetValue(line, out var count)) continue;
            var common = Math.Min(count, added[line]);
            removed[line] -= common;
            added[line] -= common;
        }

        var changes = removed.SelectMany(p => Enumerable.Repeat("- " + p.Key, p.Value))
            .Concat(added.SelectMany(p => Enumerable.Repeat("+ " + p.Key, p.Value)))
            .OrderBy(l => l[2..], StringComparer.Ordinal)
            .ThenBy(l => l[0])
            .ToList();
        var shown = changes.Take(limit).ToList();
        if (changes.Count > limit) shown.Add($"… and {changes.Count - limit} more changes");
        var summary = $"{removed.Values.Sum()} finding(s) no longer reported (-), {added.Values.Sum()} new (+):";
        return summary + "\n" + string.Join("\n", shown);
    }

    private static Dictionary<string, int> Multiset(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines) counts[line] = counts.GetValueOrDefault(line) + 1;
        return counts;
    }
}
