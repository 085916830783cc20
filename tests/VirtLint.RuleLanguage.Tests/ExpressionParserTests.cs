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
        scope.Declare(new VariableInfo("mine", VariableKind.Let, ValueType.String, ElementTrail.Unknown));
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
    [InlineData("$nope", DiagnosticIds.UnknownVariable, 0, "unknown variable '$nope' (known: buses, limit, mine)")]
    [InlineData("$buses = $buses", DiagnosticIds.ExpressionType, 7, "cannot compare two lists; compare a node-set or a string with a list")]
    [InlineData("matches(@a, @b)", DiagnosticIds.ExpressionType, 12, "matches() needs a string literal as argument 2, so it can be compiled at build time")]
    [InlineData("'a'/b", DiagnosticIds.ExpressionType, 0, "a path continues a node-set, not a string")]
    [InlineData("a ! b", DiagnosticIds.ExpressionSyntax, 2, "'!' must be followed by '=' (use not(...) for negation)")]
    [InlineData("default(1, 'x')", DiagnosticIds.ExpressionType, 8, "default() takes a node-set or a string as argument 1, not a number")]
    [InlineData("if(@a, $buses, 'x')", DiagnosticIds.ExpressionType, 7, "if() does not take a list")]
    [InlineData("first-with-same(devices/disk, @dev)", DiagnosticIds.ExpressionType, 16, "first-with-same() indexes its first argument once per document, so it must be an absolute path such as /domain/devices/disk, without let variables")]
    [InlineData("first-with-same(/domain/devices/disk[@dev = $mine], @dev)", DiagnosticIds.ExpressionType, 16, "first-with-same() indexes its first argument once per document, so it must be an absolute path such as /domain/devices/disk, without let variables")]
    [InlineData("first-with-same(/domain/devices/disk, concat(@dev, $mine))", DiagnosticIds.ExpressionType, 38, "first-with-same() evaluates argument 2 on each node of its first argument, so it cannot use let variables")]
    [InlineData("first-with-same(/domain/devices/disk, @dev, parent::*[@x = $mine])", DiagnosticIds.ExpressionType, 44, "first-with-same() evaluates argument 3 on each node of its first argument, so it cannot use let variables")]
    [InlineData("first-overlapping-cpuset(/domain/cputune/vcpupin, $mine)", DiagnosticIds.ExpressionType, 50, "first-overlapping-cpuset() evaluates argument 2 on each node of its first argument, so it cannot use let variables")]
    [InlineData("first-ip-range-containing(/domain/devices/interface/ip, @address, $mine, @ip)", DiagnosticIds.ExpressionType, 66, "first-ip-range-containing() evaluates argument 3 on each node of its first argument, so it cannot use let variables")]
    [InlineData("first-with-same(/domain/devices/disk)", DiagnosticIds.ExpressionType, 0, "first-with-same() takes 2 to 3 argument(s), not 1")]
    [InlineData("first-with-key('x', @id, 1)", DiagnosticIds.ExpressionType, 15, "first-with-key() expects a node-set as argument 1, not a string")]
    [InlineData("0x1g", DiagnosticIds.ExpressionSyntax, 0, "invalid hexadecimal number '0x1g'")]
    [InlineData("0x123456789", DiagnosticIds.ExpressionSyntax, 0, "hexadecimal number '0x123456789' is larger than 0xffffffff")]
    public void Errors_are_located_at_the_offending_token(string text, string id, int offset, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => Parse(text));
        Assert.Equal((id, offset, message), (error.DiagnosticId, error.Offset, error.Message));
    }

    /// <summary>The pattern is checked by building it with the engine that runs it, so the two cannot disagree.</summary>
    [Theory]
    [InlineData("(a)\\1")]
    [InlineData("(?<a>v)\\k'a'")]
    [InlineData("(?<a>v)\\k<a>")]
    [InlineData("(?<b>x)(?<a-b>y)")]
    [InlineData("(?<=a)b")]
    [InlineData("(?!a)b")]
    [InlineData("(?>a+)b")]
    [InlineData("(a)?(?(1)b|c)")]
    public void Patterns_the_non_backtracking_engine_refuses_are_located_errors(string pattern)
    {
        var error = Assert.Throws<ExpressionException>(() => Parse($"matches(@a, \"{pattern}\")"));
        Assert.Equal((DiagnosticIds.ExpressionType, 12), (error.DiagnosticId, error.Offset));
        Assert.StartsWith("the pattern uses a construct non-backtracking matching does not support (backreferences, lookarounds, atomic groups, balancing groups, conditionals): ", error.Message);
    }

    [Theory]
    [InlineData("\\\\1")]
    [InlineData("[\\\\]1")]
    [InlineData("(?<name>v)d[a-z]")]
    [InlineData("^(prod|dev)-[a-z0-9]+$")]
    public void Patterns_the_non_backtracking_engine_runs_are_accepted(string pattern)
    {
        var call = Assert.IsType<FunctionCall>(Parse($"matches(@a, \"{pattern}\")"));
        Assert.Equal(pattern, Assert.IsType<StringLiteral>(call.Arguments[1]).Value);
        _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.NonBacktracking);
    }

    [Fact]
    public void An_invalid_pattern_is_a_located_error()
    {
        var error = Assert.Throws<ExpressionException>(() => Parse("matches(@a, '(unclosed')"));
        Assert.Equal((DiagnosticIds.ExpressionType, 12), (error.DiagnosticId, error.Offset));
        Assert.StartsWith("invalid regular expression: ", error.Message);
    }

    [Fact]
    public void Indexed_lookups_are_node_sets_with_keys_of_one_type()
    {
        var same = Assert.IsType<FunctionCall>(Parse("first-with-same(/domain/devices/disk/target, @dev, ../..)"));
        Assert.Equal(ValueType.NodeSet, same.Type);
        Assert.Equal("string", Assert.IsType<FunctionCall>(same.Arguments[1]).Function);

        // A numeric key compares numbers: the value is converted to a number too.
        var key = Assert.IsType<FunctionCall>(Parse("first-with-key(/domain/iothreadids/iothread, number(@id), @iothread)"));
        Assert.Equal(ValueType.Number, key.Arguments[1].Type);
        Assert.Equal("number", Assert.IsType<FunctionCall>(key.Arguments[2]).Function);

        // Parameters are fixed for a run, so the key may use them; a let variable of the context node may be the value.
        Assert.Equal(ValueType.NodeSet, Parse("first-with-key(/domain/devices/disk, concat(@type, $limit), $mine)").Type);
        Assert.Equal(ValueType.NodeSet, Parse("first-overlapping-cpuset(/domain/cpu/numa/cell | /domain/cputune/vcpupin, @cpus)").Type);
        Assert.Equal(ValueType.NodeSet, Parse("first-ip-range-containing(/domain/devices/interface/ip, @address, @peer, $mine, ..)").Type);
    }

    /// <summary>Knows a few names of the domain schema, by parent element.</summary>
    private sealed class FewNames : INameChecker
    {
        private static readonly HashSet<string> Known = ["domain/cputune", "cputune/vcpupin", "vcpupin/@cpuset", "domain/cpu", "cpu/numa", "numa/cell", "cell/@cpus"];

        public string? Check(string kind, string? parentElement, string name, bool isAttribute)
        {
            var child = (isAttribute ? "@" : "") + name;
            return parentElement is null
                ? Known.Any(k => k.EndsWith("/" + child, StringComparison.Ordinal)) ? null : $"unknown '{child}'"
                : Known.Contains($"{parentElement}/{child}") ? null : $"'{child}' is not under <{parentElement}>";
        }
    }

    [Fact]
    public void An_index_key_is_checked_against_the_indexed_elements_not_the_context()
    {
        var scope = new BindingScope("domain", new FewNames());
        var cell = ElementTrail.Of("domain", "cpu", "numa", "cell");
        Assert.Equal(ValueType.NodeSet, ExpressionParser.Parse("first-overlapping-cpuset(/domain/cputune/vcpupin, @cpuset)", scope, cell).Type);
        var error = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse("first-overlapping-cpuset(/domain/cputune/vcpupin, @cpus)", scope, cell));
        Assert.Equal((DiagnosticIds.UnknownSchemaName, 51, "'@cpus' is not under <vcpupin>"), (error.DiagnosticId, error.Offset, error.Message));
    }

    [Theory]
    [InlineData("0x1f", 31d)]
    [InlineData("0X1F", 31d)]
    [InlineData("0xffffffff", 4294967295d)]
    [InlineData("0x00000000ff", 255d)]
    [InlineData("010", 10d)]
    public void Hexadecimal_literals_are_numbers_and_leading_zeros_stay_decimal(string text, double value) =>
        Assert.Equal(value, Assert.IsType<NumberLiteral>(Parse(text)).Value);

    [Fact]
    public void Uint_defaults_to_the_context_node()
    {
        var comparison = Assert.IsType<BinaryExpr>(Parse("uint() > 0x1f"));
        var call = Assert.IsType<FunctionCall>(comparison.Left);
        Assert.Equal(("uint", ValueType.Number), (call.Function, call.Type));
        Assert.Equal("string", Assert.IsType<FunctionCall>(Assert.Single(call.Arguments)).Function);
        Assert.Equal(31d, Assert.IsType<NumberLiteral>(comparison.Right).Value);
    }
}
