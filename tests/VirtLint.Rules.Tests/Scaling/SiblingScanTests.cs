namespace VirtLint.Rules.Tests.Scaling;

/// <summary>
/// A sibling axis in a check scans every sibling of every context node, quadratic over repeated elements; built-in
/// rules find duplicates and overlaps with the indexed look-ups (first-with-same, first-overlapping-cpuset) instead.
/// </summary>
public sealed class SiblingScanTests
{
    [Fact]
    public void No_built_in_rule_scans_siblings()
    {
        var scanning = Directory.EnumerateFiles(RepositoryPaths.Rules, "*.yaml", SearchOption.AllDirectories)
            .Where(file => CheckSection(File.ReadAllText(file)) is var check
                && (check.Contains("preceding-sibling::", StringComparison.Ordinal) || check.Contains("following-sibling::", StringComparison.Ordinal)))
            .Select(RepositoryPaths.Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(scanning.Count == 0, $"These rules scan siblings; use first-with-same() or first-overlapping-cpuset(): {string.Join(", ", scanning)}");
    }

    /// <summary>The rule file from <c>check:</c> up to <c>docs:</c>, so documentation may still name the axes.</summary>
    private static string CheckSection(string rule)
    {
        var start = rule.IndexOf("\ncheck:", StringComparison.Ordinal);
        if (start < 0) return "";
        var end = rule.IndexOf("\ndocs:", start, StringComparison.Ordinal);
        return end < 0 ? rule[start..] : rule[start..end];
    }
}
