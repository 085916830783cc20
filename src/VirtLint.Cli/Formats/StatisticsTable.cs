using System.Globalization;
using VirtLint.Cli.Check;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary><c>--statistics</c>: how many findings each rule produced, most frequent first.</summary>
internal static class StatisticsTable
{
    public static IReadOnlyList<string> Lines(RunTally tally)
    {
        if (tally.FindingCount == 0) return [];

        var rows = tally.Rules
            .Select(r => (r.Rule, r.Severity, r.Count))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Rule.Id, StringComparer.Ordinal)
            .ToArray();
        var countWidth = Math.Max("count".Length, rows.Max(r => r.Count.ToString(CultureInfo.InvariantCulture).Length));
        var idWidth = rows.Max(r => r.Rule.Id.Length);

        var lines = new List<string>(rows.Length + 1) { $"{"count".PadLeft(countWidth)}  {"rule".PadRight(idWidth)}  severity  name" };
        foreach (var (rule, severity, count) in rows)
            lines.Add($"{count.ToString(CultureInfo.InvariantCulture).PadLeft(countWidth)}  {rule.Id.PadRight(idWidth)}  {severity.ToName(),-8}  {rule.Name}");
        return lines;
    }
}
