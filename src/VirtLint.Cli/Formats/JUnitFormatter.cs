using System.Globalization;
using System.Text;
using System.Xml;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// JUnit XML for CI dashboards: a test suite per linted file, a test case per rule that reported in it (failed when
/// its findings fail the run, passed with the findings as output when they are below the fail level), one passing
/// case for a file without findings, and a suite of errors for paths that could not be read.
/// </summary>
/// <remarks>
/// The root carries the run's totals and whether a warning fails can depend on the run's total (<c>--max-warnings</c>),
/// so nothing is written before the run ends: each linted file and its findings wait in a <see cref="FindingSpill"/>
/// on disk, read twice at the end (to count, then to write) one file at a time, the run's late findings merged into
/// their file's suite (or a suite of their own) in report order.
/// </remarks>
internal sealed class JUnitFormatter : IStreamingFormatter
{
    public const string CleanCaseName = "no problems found";

    private readonly FindingSpill _spill = new();
    private ReportContext _context = null!;
    private TextWriter _output = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _context = context;
        _output = output;
    }

    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        _spill.AddFile(file.Path);
        foreach (var finding in file.Findings) _spill.Add(finding);
    }

    public void End(LintSummary summary)
    {
        try
        {
            Write(summary);
        }
        finally
        {
            _spill.Dispose();
        }
    }

    private void Write(LintSummary summary)
    {
        var output = _output;
        var outcome = _context.Outcome;
        var errors = summary.Errors;
        var tests = errors.Count;
        var failures = 0;
        foreach (var (_, cases) in Suites(summary.Findings))
        {
            tests += Math.Max(1, cases.Count);
            failures += cases.Count(c => c.Any(outcome.IsFailing));
        }

        output.WriteLine(XmlReportText.Declaration);
        using (var xml = XmlReportText.CreateWriter(output))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "VirtLint");
            WriteCounts(xml, tests, failures, errors.Count);

            foreach (var (file, cases) in Suites(summary.Findings))
            {
                var name = XmlReportText.Clean(file);
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", name);
                WriteCounts(xml, Math.Max(1, cases.Count), cases.Count(c => c.Any(outcome.IsFailing)), 0);
                if (cases.Count == 0) WriteCase(xml, name, CleanCaseName);
                foreach (var findings in cases) WriteRuleCase(xml, name, findings, outcome);
                xml.WriteEndElement();
            }

            if (errors.Count > 0)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", "unreadable paths");
                WriteCounts(xml, errors.Count, 0, errors.Count);
                foreach (var error in errors)
                {
                    WriteCase(xml, "unreadable paths", XmlReportText.Clean(error.Path), end: false);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", XmlReportText.Clean(error.Message));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.WriteLine();
    }

    /// <summary>
    /// The suites in path order, one file at a time: each linted file (a path linted twice is one suite) and each path
    /// only late findings name, with its findings in report order grouped by rule (rules in order of first finding).
    /// </summary>
    private IEnumerable<(string File, List<Finding[]> Cases)> Suites(IReadOnlyList<Finding> late)
    {
        var next = 0;
        string? current = null;
        var findings = new List<Finding>();

        IEnumerable<(string, List<Finding[]>)> LateBefore(string? path)
        {
            while (next < late.Count && (path is null || string.CompareOrdinal(late[next].Path, path) < 0))
            {
                var first = next;
                while (next < late.Count && late[next].Path == late[first].Path) next++;
                yield return (late[first].Path, Cases(late.Skip(first).Take(next - first)));
            }
        }

        (string, List<Finding[]>) Close()
        {
            var own = findings.ToArray();
            var first = next;
            while (next < late.Count && late[next].Path == current) next++;
            findings.Clear();
            return (current!, Cases(ReportOrder.Merge(own, late.Skip(first).Take(next - first).ToArray(), f => f)));
        }

        foreach (var record in _spill.Read())
        {
            if (record.File is { } file)
            {
                if (file == current) continue;
                if (current is not null) yield return Close();
                foreach (var suite in LateBefore(file)) yield return suite;
                current = file;
                continue;
            }

            findings.Add(record.Finding!);
        }

        if (current is not null) yield return Close();
        foreach (var suite in LateBefore(null)) yield return suite;
    }

    private static List<Finding[]> Cases(IEnumerable<Finding> findings) =>
        findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Select(g => g.ToArray()).ToList();

    private static void WriteRuleCase(XmlWriter xml, string file, Finding[] findings, RunOutcome outcome)
    {
        var rule = findings[0].Rule;
        WriteCase(xml, file, $"{rule.Id} {rule.Name}", end: false);
        var details = new StringBuilder();
        foreach (var finding in findings)
        {
            details.Append(file).Append(':').Append(finding.Span.StartLine.ToString(CultureInfo.InvariantCulture))
                .Append(':').Append(finding.Span.StartColumn.ToString(CultureInfo.InvariantCulture))
                .Append(": ").Append(finding.Severity.ToName()).Append(' ').Append(finding.RuleId)
                .Append(' ').Append(XmlReportText.Clean(finding.Message)).Append('\n');
            foreach (var related in finding.Related)
            {
                details.Append("  see also ").Append(XmlReportText.Clean(related.Path)).Append(':').Append(related.Span.StartLine.ToString(CultureInfo.InvariantCulture))
                    .Append(':').Append(related.Span.StartColumn.ToString(CultureInfo.InvariantCulture))
                    .Append(": ").Append(XmlReportText.Clean(related.Message)).Append('\n');
            }
        }

        if (findings.Any(outcome.IsFailing))
        {
            var first = XmlReportText.Clean(findings[0].Message);
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", findings.Max(f => f.Severity).ToName());
            xml.WriteAttributeString("message", findings.Length == 1 ? first : $"{first} (and {RunOutcome.Plural(findings.Length - 1, "more finding")})");
            xml.WriteString(details.ToString());
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("system-out", details.ToString());
        }

        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, string file, string name, bool end = true)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", file);
        xml.WriteAttributeString("name", name);
        if (end) xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int errors)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", "0");
    }
}
