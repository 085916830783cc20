using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VirtLint.Generators.Tests;

/// <summary>
/// Generated checkers map their statements back to the rule file (<c>#line</c>), so a debugger steps through the YAML
/// and a compiler message about a check's code names the expression's line; the plumbing around them is hidden.
/// </summary>
public sealed class LineDirectiveTests
{
    private const string RulePath = "/repo/rules/volume/volume-nearly-full.yaml";

    private static SyntaxTree Checker()
    {
        var (_, _, output) = GeneratorHarness.Run(new InMemoryAdditionalText(RulePath, GeneratorHarness.TestRule("volume/volume-nearly-full.yaml")));
        return output.SyntaxTrees.Single(t => t.FilePath.EndsWith("VL3900.g.cs", StringComparison.Ordinal));
    }

    private static (string Path, int Line, bool Hidden) MappedLine(SyntaxTree tree, SyntaxNode node)
    {
        var span = node.GetLocation().GetMappedLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1, tree.GetLineVisibility(node.SpanStart) == LineVisibility.Hidden);
    }

    [Fact]
    public void Each_statement_of_the_check_maps_to_the_line_of_its_expression()
    {
        var tree = Checker();
        var check = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Check");
        var statements = check.Body!.DescendantNodes().OfType<StatementSyntax>().ToList();

        // context: on line 27, the lets on 29-31, assert: on 32, message: on 34.
        var context = statements.OfType<IfStatementSyntax>().First(s => s.Condition.ToString().Contains("Xp.SelfElement(root", StringComparison.Ordinal));
        Assert.Equal((RulePath, 27, false), MappedLine(tree, context));
        var lets = statements.OfType<LocalDeclarationStatementSyntax>().Where(s => s.Declaration.Variables[0].Identifier.Text.StartsWith("l_", StringComparison.Ordinal)).ToList();
        Assert.Equal([29, 30, 31], lets.Select(l => MappedLine(tree, l).Line));
        var test = statements.OfType<IfStatementSyntax>().Single(s => s.Condition.ToString().Contains("p_enabled", StringComparison.Ordinal));
        Assert.Equal((RulePath, 32, false), MappedLine(tree, test));
        var report = statements.OfType<ExpressionStatementSyntax>().Single(s => s.ToString().StartsWith("context.Report(", StringComparison.Ordinal));
        Assert.Equal((RulePath, 34, false), MappedLine(tree, report));
    }

    [Fact]
    public void Parameter_binding_is_hidden_and_a_local_function_maps_to_the_expression_it_evaluates()
    {
        var tree = Checker();
        var root = tree.GetRoot();
        var binding = root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>().First(s => s.ToString().Contains("context.GetNumber(\"threshold\"", StringComparison.Ordinal));
        Assert.True(MappedLine(tree, binding).Hidden);
        // The context's predicate target/format/@type = $thin-formats (line 27) loops in a local function of its own.
        var predicate = root.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Single(f => f.Body!.ToString().Contains("set_thin_formats.Contains", StringComparison.Ordinal));
        Assert.Equal((RulePath, 27, false), MappedLine(tree, predicate.Body!.Statements[0]));
    }
}
