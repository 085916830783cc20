using System.Globalization;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// Checkstyle XML, which many CI plug-ins and reviewdog read: a <c>file</c> element per linted file (empty when
/// clean) holding an <c>error</c> element per finding, with severity error, warning or info.
/// </summary>
internal sealed class CheckstyleFormatter : IReportFormatter
{
    public void Write(ReportContext context, TextWriter output)
    {
        var report = context.Report;
        var byFile = report.Findings.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var files = report.Files.Concat(byFile.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        output.WriteLine(XmlReportText.Declaration);
        using (var xml = XmlReportText.CreateWriter(output))
        {
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", "4.3");
            foreach (var file in files)
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", XmlReportText.Clean(file));
                foreach (var finding in byFile.GetValueOrDefault(file) ?? [])
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", finding.Span.StartLine.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("column", finding.Span.StartColumn.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("severity", Severity(finding.Severity));
                    xml.WriteAttributeString("message", XmlReportText.Clean(finding.Message));
                    xml.WriteAttributeString("source", $"virtlint.{finding.RuleId}.{finding.Rule.Name}");
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.WriteLine();
    }

    public static string Severity(Severity severity) => severity switch
    {
        Core.Severity.Error => "error",
        Core.Severity.Warning => "warning",
        _ => "info",
    };
}
