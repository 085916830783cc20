using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Expressions;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>The expression parser: XPath 1.0 precedence and disambiguation, static types, and located errors.</summary>
public sealed class ExpressionParserTests
{
    private static BindingScope Scope()
    {
        var scope = new BindingScope("domain", null);
        scope.Declare(new VariableInfo("buses", VariableKind.Parameter, ValueType.StringList, ElementTrail.Unknown));
        scope.Declare(new VariableInfo("limit", VariableKind.Parameter, ValueType.Number, ElementTrail.Unknown));
        return scope;
    }

    private static Expr Parse(string text) => ExpressionParser.Parse(text, Scope(), ElementTrail.Of("domain"));

    [Theory]
    [InlineData("devices/disk", ValueType.NodeSet)]
    [InlineData("@bus = 'ide'", ValueType.Boolean)]
    [InlineData("count(devices/disk) + 1", ValueType.Number)]
    [InlineData("concat(@a, '-', @b)", ValueType.String)]
    [InlineData("$buses", ValueType.StringList)]
    [InlineData("devices/disk | devices/interface", ValueType.NodeSet)]
    [InlineData("bytes(memory) > bytes(currentMemory)", ValueType.Boolean)]
    [InlineData("string()", ValueType.String)]
    [InlineData("if(@a, 1, 2)", ValueType.Number)]
    [InlineData("if(@a, @b, 'x')", ValueType.String)]
    [InlineData("if(@a, devices, os)", ValueType.NodeSet)]
    [InlineData("default(@io, 'threads')", ValueType.String)]
    [InlineData("ip-prefix(ip)", ValueType.Number)]
    public void Expressions_have_static_types(string text, ValueType type) => Assert.Equal(type, Parse(text).Type);

    [Fact]
    public void Star_and_operator_names_are_disambiguated_by_position()
    {
        // "div" after an operand is division; "*" after an operand is multiplication; "*" as a step is any element.
        var expr = Assert.IsType<BinaryExpr>(Parse("count(*) * 2 div 4"));
        Assert.Equal(BinaryOperator.Divide, expr.Operator);
        var product = Assert.IsType<BinaryExpr>(expr.Left);
        Assert.Equal(BinaryOperator.Multiply, product.Operator);
        var count = Assert.IsType<FunctionCall>(product.Left);
        var path = Assert.IsType<PathExpr>(count.Arguments[0]);
        Assert.Equal(NodeTest.AnyName, path.Steps[0].Test);

        // An element may be called "and" or "div".
        var step = Assert.IsType<PathExpr>(Parse("div/and")).Steps;
        Assert.Equal(["div", "and"], step.Select(s => s.Name));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var expr = Assert.IsType<BinaryExpr>(Parse("@a or @b and @c"));
        Assert.Equal(BinaryOperator.Or, expr.Operator);
        Assert.Equal(BinaryOperator.And, Assert.IsType<BinaryExpr>(expr.Right).Operator);
    }

    [Fact]
    public void Double_slash_becomes_a_descendant_step()
    {
        var path = Assert.IsType<PathExpr>(Parse("devices//target"));
        Assert.Equal([Axis.Child, Axis.Descendant], path.Steps.Select(s => s.Axis));
        var attributes = Assert.IsType<PathExpr>(Parse("//@port"));
        Assert.Equal([Axis.DescendantOrSelf, Axis.Attribute], attributes.Steps.Select(s => s.Axis));
    }

    [Fact]
    public void Implicit_conversions_are_explicit_in_the_ir()
    {
        var call = Assert.IsType<FunctionCall>(Parse("contains(@dev, 'vd')"));
        Assert.Equal("string", Assert.IsType<FunctionCall>(call.Arguments[0]).Function);
        var or = Assert.IsType<BinaryExpr>(Parse("@a or 1"));
        Assert.Equal("boolean", Assert.IsType<FunctionCall>(or.Left).Function);
    }

    [Fact]
    public void The_ir_compares_by_value()
    {
        Assert.Equal(Parse("devices/disk[@device = 'disk']/target/@bus = $buses"), Parse("devices/disk[@device='disk']/target/@bus=$buses"));
        Assert.NotEqual(Parse("devices/disk"), Parse("devices/disks"));
    }

    [Theory]
    [InlineData("@bus = = 'ide'", DiagnosticIds.ExpressionSyntax, 7, "expected an expression but found '='")]
    [InlineData("devices/disk[", DiagnosticIds.ExpressionSyntax, 13, "expected an expression but found the end of the expression")]
    [InlineData("'unterminated", DiagnosticIds.ExpressionSyntax, 0, "unterminated string literal")]
    [InlineData("lenght(@a)", DiagnosticIds.ExpressionType, 0, "unknown function 'lenght()'")]
    [InlineData("count(@a, @b)", DiagnosticIds.ExpressionType, 0, "count() takes 1 argument(s), not 2")]
    [InlineData("count('x')", DiagnosticIds.ExpressionType, 6, "count() expects a node-set as argument 1, not a string")]
    [InlineData("disk[1]", DiagnosticIds.ExpressionType, 4, "positional predicates are not supported; compare with count() or use a boolean test")]
    [InlineData("$nope", DiagnosticIds.UnknownVariable, 0, "unknown variable '$nope' (known: buses, limit)")]
    [InlineData("$buses = $buses", DiagnosticIds.ExpressionType, 7, "cannot compare two lists; compare a node-set or a string with a list")]
    [InlineData("matches(@a, @b)", DiagnosticIds.ExpressionType, 12, "matches() needs a string literal as argument 2, so it can be compiled at build time")]
    [InlineData("matches(@a, '(a)\\1')", DiagnosticIds.ExpressionType, 12, "the pattern uses a backreference, lookaround, atomic group or conditional, which non-backtracking matching does not support")]
    [InlineData("'a'/b", DiagnosticIds.ExpressionType, 0, "a path continues a node-set, not a string")]
    [InlineData("a ! b", DiagnosticIds.ExpressionSyntax, 2, "'!' must be followed by '=' (use not(...) for negation)")]
    [InlineData("default(1, 'x')", DiagnosticIds.ExpressionType, 8, "default() takes a node-set or a string as argument 1, not a number")]
    [InlineData("if(@a, $buses, 'x')", DiagnosticIds.ExpressionType, 7, "if() does not take a list")]
    public void Errors_are_located_at_the_offending_token(string text, string id, int offset, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Parse(text));
        Assert.Equal((id, offset, message), (error.DiagnosticId, error.Offset, error.Message));
    }
}
