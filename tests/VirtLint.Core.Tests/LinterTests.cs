using VirtLint.Core;

namespace VirtLint.Core.Tests;

public sealed class LinterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("virtlint-core-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Directories_are_searched_recursively_for_xml_skipping_hidden_folders()
    {
        Write("b/vm2.xml", "<domain/>");
        Write("a/vm1.XML", "<domain/>");
        Write("notes.txt", "not xml");
        Write(".git/config.xml", "<x/>");

        var (inputs, errors) = PathExpander.Expand([_root]);

        Assert.Empty(errors);
        Assert.Equal(["a/vm1.XML", "b/vm2.xml"], inputs.Select(i => Path.GetRelativePath(_root, i.FilePath!).Replace('\\', '/')));
    }

    [Fact]
    public void A_missing_path_is_an_input_error_and_the_rest_is_still_linted()
    {
        var vm = Write("vm.xml", "<domain>\n  <devices>\n    <disk><target dev='vda'/></disk>\n  </devices>\n</domain>");
        var (inputs, errors) = PathExpander.Expand([vm, Path.Combine(_root, "missing.xml")]);

        var report = new Linter(TestCatalog.Catalog).Lint(inputs, errors);

        Assert.Equal(1, report.FileCount);
        var error = Assert.Single(report.Errors);
        Assert.EndsWith("missing.xml", error.Path, StringComparison.Ordinal);
        Assert.Equal("no such file or directory", error.Message);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("VL1999", 3, 5), (finding.RuleId, finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Fact]
    public void Findings_are_ordered_by_path_line_column_and_rule_whatever_the_parallelism()
    {
        var texts = Enumerable.Range(0, 40).Select(i => LintInput.FromBytes($"vm{i % 7}-{i:D2}.xml",
            System.Text.Encoding.UTF8.GetBytes($"<domain>\n<devices>\n<disk><target dev='vd{i}'/></disk>\n<disk><target dev='sd{i}'/></disk>\n</devices>\n</domain>"))).ToList();

        var parallel = new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 4 }).Lint(texts).Findings;
        var serial = new Linter(TestCatalog.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 }).Lint(texts).Findings;

        Assert.Equal(serial.Select(f => f.Path + f.Span + f.Message), parallel.Select(f => f.Path + f.Span + f.Message));
        Assert.Equal(parallel.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine).Select(f => f.Message), parallel.Select(f => f.Message));
    }

    [Fact]
    public void Checkers_run_only_on_their_document_kind()
    {
        var findings = new Linter(TestCatalog.Catalog).Lint("pool.xml", "<pool type='dir'>\n  <disk/>\n</pool>");
        Assert.Empty(findings);
    }
}
