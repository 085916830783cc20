using VirtLint.Core;

namespace VirtLint.RuleRuntime.Testing;

/// <summary>
/// Compares one rule's findings on a sample with the sample's <c>expect:</c> comments: a <c>flagged*</c> sample expects
/// at least one finding, a <c>clean*</c> sample none; the same lines (and columns and messages where written), nothing
/// more, nothing less. Shared by <c>virtlint test-rules</c> and the project's own fixture test.
/// </summary>
public static class SampleVerdict
{
    public static bool IsFlaggedSample(string path) => Path.GetFileName(path).StartsWith("flagged", StringComparison.Ordinal);

    public static bool IsCleanSample(string path) => Path.GetFileName(path).StartsWith("clean", StringComparison.Ordinal);

    /// <summary>
    /// A cross-document rule's sample: a folder of files linted together. Each file is judged by its own comments, and
    /// a flagged folder needs at least one expectation in some file; problems name the file.
    /// </summary>
    public static IReadOnlyList<string> CheckSet(string ruleId, string samplePath, IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<Finding> findings)
    {
        var problems = new List<string>();
        var expected = 0;
        foreach (var (path, text) in files)
        {
            var expectations = SampleExpectation.Parse(text);
            expected += expectations.Count;
            // Each file as if it were a sample of its own kind, so the folder's name decides flagged or clean.
            var asFile = IsFlaggedSample(samplePath) && expectations.Count == 0 ? "clean" : IsCleanSample(samplePath) ? "clean" : "flagged";
            foreach (var problem in Check(ruleId, asFile, text, findings.Where(f => f.Path == path)))
                problems.Add($"{Path.GetFileName(path)}: {problem}");
        }

        if (IsFlaggedSample(samplePath) && expected == 0)
            problems.Add("a flagged sample needs at least one '<!-- expect: ID -->' comment in one of its files");
        return problems;
    }

    /// <summary>The problems found, empty when the sample passes; <paramref name="findings"/> may hold other rules' findings.</summary>
    public static IReadOnlyList<string> Check(string ruleId, string samplePath, string text, IEnumerable<Finding> findings)
    {
        var problems = new List<string>();
        var expectations = SampleExpectation.Parse(text);
        foreach (var other in expectations.Where(e => e.RuleId != ruleId))
            problems.Add($"line {other.Line} expects {other.RuleId}, but this is a sample of {ruleId}");
        if (IsFlaggedSample(samplePath) && expectations.Count == 0)
            problems.Add("a flagged sample needs at least one '<!-- expect: ID -->' comment");
        if (IsCleanSample(samplePath) && expectations.Count > 0)
            problems.Add("a clean sample expects no finding, but it has 'expect:' comments");

        var own = findings.Where(f => f.RuleId == ruleId).ToList();
        var expectedLines = expectations.Where(e => e.RuleId == ruleId).Select(e => e.Line).Order().ToList();
        var actualLines = own.Select(f => f.Span.StartLine).Order().ToList();
        if (!expectedLines.SequenceEqual(actualLines))
        {
            problems.Add($"expected findings on lines [{string.Join(", ", expectedLines)}] but got [{string.Join(", ", own.Select(f => $"line {f.Span.StartLine}: {f.Message}"))}]");
            return problems;
        }

        foreach (var expectation in expectations.Where(e => e.RuleId == ruleId))
        {
            var matching = own.Where(f => f.Span.StartLine == expectation.Line).ToList();
            var seen = string.Join("; ", matching.Select(f => $"col {f.Span.StartColumn}: {f.Message}"));
            if (expectation.Column is { } column && !matching.Any(f => f.Span.StartColumn == column))
                problems.Add($"line {expectation.Line}: expected column {column}, got {seen}");
            if (expectation.Message is { } message && !matching.Any(f => f.Message == message))
                problems.Add($"line {expectation.Line}: expected message \"{message}\", got {seen}");
        }

        return problems;
    }
}
