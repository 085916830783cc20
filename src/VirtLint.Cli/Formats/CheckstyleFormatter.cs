using System.Globalization;
using System.Xml;
using VirtLint.Cli.Output;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// Checkstyle XML, which many CI plug-ins and reviewdog read: a <c>file</c> element per linted file (empty when
/// clean) holding an <c>error</c> element per finding, with severity error, warning or info, written as each file arrives.
/// </summary>
internal sealed class CheckstyleFormatter : IStreamingFormatter
{
    private TextWriter _output = null!;
    private XmlWriter _xml = null!;

    public void Begin(ReportContext context, TextWriter output)
    {
        _output = output;
        output.WriteLine(XmlReportText.Declaration);
        _xml = XmlReportText.CreateWriter(output);
        _xml.WriteStartElement("checkstyle");
        _xml.WriteAttributeString("version", "4.3");
    }

    public void OnFile(LintedFile file)
    {
        if (file.Error is not null) return;
        WriteFile(file.Path, file.Findings, 0, file.Findings.Count);
        _xml.Flush();
    }

    public void End(LintSummary summary)
    {
        // Findings in no linted file (a config ignore's problem, in the config file) are known only now: their files come last.
        var findings = summary.Findings;
        for (var first = 0; first < findings.Count;)
        {
            var end = first;
            while (end < findings.Count && findings[end].Path == findings[first].Path) end++;
            WriteFile(findings[first].Path, findings, first, end);
            first = end;
        }

        _xml.WriteEndElement();
        _xml.Dispose();
        _output.WriteLine();
    }

    private void WriteFile(string path, IReadOnlyList<Finding> findings, int first, int end)
    {
        var xml = _xml;
        xml.WriteStartElement("file");
        xml.WriteAttributeString("name", XmlReportText.Clean(path));
        for (var i = first; i < end; i++)
        {
            var finding = findings[i];
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

    public static string Severity(Severity severity) => severity switch
    {
        Core.Severity.Error => "error",
        Core.Severity.Warning => "warning",
        _ => "info",
    };
}
