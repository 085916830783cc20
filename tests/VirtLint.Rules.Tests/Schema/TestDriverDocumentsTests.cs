using System.Text;
using System.Xml.Linq;
using VirtLint.Core;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Schema;

/// <summary>
/// A second reference set besides the corpus: the domains, pools, volumes and networks of virt-manager's libvirt
/// test-driver node (<c>../shared/fixtures/libvirt-test-node.xml</c>), written by hand rather than by libvirt, so some
/// are invalid. Each is split into its own file; none that xmllint accepts may get a schema finding.
/// </summary>
public sealed class TestDriverDocumentsTests(ITestOutputHelper output)
{
    private static string NodeFile => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "fixtures", "libvirt-test-node.xml"));

    [SkippableFact]
    public void No_schema_finding_on_a_test_driver_document_xmllint_accepts()
    {
        Xmllint.Require();
        if (!File.Exists(NodeFile))
        {
            var missing = $"The shared test-driver node is missing at '{NodeFile}'.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(missing);
            throw new SkipException(missing);
        }

        var folder = Directory.CreateTempSubdirectory("virtlint-testnode-");
        try
        {
            var files = Split(XDocument.Load(NodeFile), folder.FullName);
            var accepted = files.GroupBy(f => f.Kind)
                .SelectMany(group => Xmllint.Accepted(group.Key, group.Select(f => f.Path).ToList()))
                .ToHashSet(StringComparer.Ordinal);
            var report = new Linter(BuiltInRules.Catalog).Lint(files.Select(f => LintInput.FromBytes(f.Path, File.ReadAllBytes(f.Path))).ToList());
            var findings = report.Findings.Where(f => SchemaGateCorpusTests.SchemaRuleIds.Contains(f.RuleId)).ToList();

            output.WriteLine($"{files.Count} documents: xmllint accepts {accepted.Count}; VL0010-VL0012 findings on the others: {findings.Count}.");
            foreach (var finding in findings)
                output.WriteLine($"{Path.GetFileName(finding.Path)}:{finding.Span.StartLine}:{finding.Span.StartColumn} {finding.RuleId} {finding.Message}");

            Assert.True(files.Count > 50 && accepted.Count > 50, $"expected the node's documents, got {files.Count} ({accepted.Count} valid)");
            var falsePositives = findings.Where(f => accepted.Contains(f.Path)).Select(f => $"{Path.GetFileName(f.Path)}:{f.Span.StartLine}: {f.Message}").ToList();
            Assert.True(falsePositives.Count == 0, string.Join("\n", falsePositives));
            Assert.NotEmpty(findings); // the node holds hand-written mistakes the checks must see
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Each domain, network, pool (without its volumes) and volume of the node as a file of its own.</summary>
    private static List<(string Path, DocumentKind Kind)> Split(XDocument node, string folder)
    {
        var files = new List<(string, DocumentKind)>();
        void Write(XElement element, DocumentKind kind)
        {
            var path = Path.Combine(folder, $"{files.Count:D3}-{element.Name.LocalName}.xml");
            File.WriteAllText(path, element.ToString(), Encoding.UTF8);
            files.Add((path, kind));
        }

        foreach (var element in node.Root!.Elements())
        {
            var kind = DocumentKinds.FromRootElement(element.Name.LocalName);
            if (element.Name.Namespace != XNamespace.None || kind is null or DocumentKind.Volume)
                continue;
            if (kind == DocumentKind.Pool)
            {
                var pool = new XElement(element);
                foreach (var volume in pool.Elements("volume").ToList())
                {
                    volume.Remove();
                    Write(volume, DocumentKind.Volume);
                }

                Write(pool, DocumentKind.Pool);
            }
            else
            {
                Write(element, kind.Value);
            }
        }

        return files;
    }
}
