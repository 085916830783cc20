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
internal sealed class JUnitFormatter : IReportFormatter
{
    public const string CleanCaseName = "no problems found";

    public void Write(ReportContext context, TextWriter output)
    {
        var report = context.Report;
        var outcome = context.Outcome;
        var byFile = report.Findings.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var files = report.Files.Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        var suites = files.Select(file =>
        {
            var cases = byFile.TryGetValue(file, out var findings)
                ? findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray()
                : [];
            return (File: file, Cases: cases);
        }).ToArray();

        var tests = suites.Sum(s => Math.Max(1, s.Cases.Length)) + report.Errors.Count;
        var failures = suites.Sum(s => s.Cases.Count(c => c.Any(outcome.IsFailing)));

        output.WriteLine(XmlReportText.Declaration);
        using (var xml = XmlReportText.CreateWriter(output))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "VirtLint");
            WriteCounts(xml, tests, failures, report.Errors.Count);

            foreach (var (file, cases) in suites)
            {
                var name = XmlReportText.Clean(file);
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", name);
                WriteCounts(xml, Math.Max(1, cases.Length), cases.Count(c => c.Any(outcome.IsFailing)), 0);
                if (cases.Length == 0) WriteCase(xml, name, CleanCaseName);
                foreach (var findings in cases) WriteRuleCase(xml, name, findings, outcome);
                xml.WriteEndElement();
            }

            if (report.Errors.Count > 0)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", "unreadable paths");
                WriteCounts(xml, report.Errors.Count, 0, report.Errors.Count);
                foreach (var error in report.Errors)
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
