using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>The YAML front end: a complete rule becomes a typed spec; mistakes become located diagnostics, all of them.</summary>
public sealed class RuleFileParserTests
{
    private const string Rule = """
        id: VL1001
        name: disk-bus-not-virtio
        title: Disk uses an emulated bus
        severity: warning
        category: performance
        tags: [disk, virtio]
        target: domain
        params:
          emulated-buses:
            type: string-list
            default: [ide, sata]
            description: Emulated buses.
          min-size:
            type: number
            default: 1.5
            description: Size.
        check:
          context: devices/disk[not(@device) or @device = 'disk']/target
          let:
            bus: "@bus"
          report: $bus = $emulated-buses
          location: "@bus"
        message: "Disk '{@dev}' uses '{$bus}' {{braces}}."
        docs:
          what-it-does: What.
          why-is-this-bad: Why. It is a warning because it costs performance.
          example: <a/>
          use-instead: <b/>
          references: [https://libvirt.org/formatdomain.html]
        """;

    [Fact]
    public void A_complete_rule_parses_into_a_typed_spec()
    {
        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule);

        Assert.Empty(result.Diagnostics);
        var spec = result.Rule!;
        Assert.Equal(("VL1001", "disk-bus-not-virtio", RuleSeverity.Warning, RulePrecision.High), (spec.Id, spec.Name, spec.Severity, spec.Precision));
        Assert.Equal((RuleCategory.Performance, RuleTarget.Domain, (double?)null), (spec.Category, spec.Target, spec.SecuritySeverity));
        Assert.Equal(["disk", "virtio"], spec.Tags);
        Assert.Equal(new StringListDefault(new EquatableArray<string>(["ide", "sata"])), spec.Parameters[0].Default);
        Assert.Equal(("min-size", ParamType.Number, new NumberDefault(1.5)), (spec.Parameters[1].Name, spec.Parameters[1].DeclaredType, spec.Parameters[1].Default));
        Assert.False(spec.Check!.IsAssert);
        Assert.Equal(Expressions.ValueType.NodeSet, spec.Check.Lets[0].Value.Type);
        Assert.Equal(["Disk '", null, "' uses '", null, "' {braces}."], spec.Message.Parts.Select(p => p.Expression is null ? p.Text : null));
        Assert.Equal(new SourceRange(1, 5, 1, 11), spec.IdRange);
    }

    [Fact]
    public void Parsing_is_deterministic_and_value_equal()
    {
        Assert.Equal(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule), RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule));
    }

    [Fact]
    public void Every_error_in_a_file_is_reported()
    {
        var broken = Rule
            .Replace("severity: warning", "severity: loud")
            .Replace("category: performance", "category: speed\nowner: me")
            .Replace("report: $bus = $emulated-buses", "report: $bus = $emulated_buses");

        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", broken);

        Assert.Null(result.Rule);
        Assert.Equal(
            [(DiagnosticIds.InvalidValue, 4), (DiagnosticIds.InvalidValue, 5), (DiagnosticIds.UnknownField, 6), (DiagnosticIds.UnknownVariable, 22)],
            result.Diagnostics.Select(d => (d.Id, d.Range.Line)).OrderBy(d => d.Line));
    }

    [Fact]
    public void Unknown_fields_suggest_the_closest_known_one()
    {
        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace("tags:", "tag:"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("unknown field 'tag' in rule; did you mean 'tags'?", diagnostic.Message);
        Assert.Equal(new SourceRange(6, 1, 6, 4), diagnostic.Range);
    }

    [Fact]
    public void Expression_errors_inside_block_scalars_point_into_the_block()
    {
        var text = Rule.Replace("report: $bus = $emulated-buses", "report: |\n    $bus = $emulated-buses\n      and frob(@dev)");
        var diagnostic = Assert.Single(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", text).Diagnostics);
        Assert.Equal(DiagnosticIds.ExpressionType, diagnostic.Id);
        Assert.Equal((23, 11), (diagnostic.Range.Line, diagnostic.Range.Column));
    }

    [Fact]
    public void Document_rules_have_no_check()
    {
        var text = Rule.Replace("id: VL1001", "id: VL0901").Replace("target: domain", "target: document");
        var diagnostic = Assert.Single(RuleFileParser.Parse("rules/document/disk-bus-not-virtio.yaml", text).Diagnostics);
        Assert.Equal("document rules are reported by the engine and take no 'check'", diagnostic.Message);
    }

    [Fact]
    public void Expressions_too_deep_or_too_long_to_check_safely_are_located_errors()
    {
        // Line 21 is the report: '    report: ' puts the expression at column 11.
        var deep = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace("report: $bus = $emulated-buses", $"report: {new string('(', 100_000)}true(){new string(')', 100_000)}"));
        var tooDeep = Assert.Single(deep.Diagnostics);
        Assert.Equal((DiagnosticIds.ExpressionSyntax, "brackets are nested more than 64 deep", 21, 11 + 64), (tooDeep.Id, tooDeep.Message, tooDeep.Range.Line, tooDeep.Range.Column));

        var chain = string.Join(" or ", Enumerable.Repeat("$bus = 'ide'", 700));
        var longChain = Assert.Single(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace("report: $bus = $emulated-buses", $"report: {chain}")).Diagnostics);
        Assert.Equal((DiagnosticIds.ExpressionSyntax, "the expression has more than 2000 tokens; split it with 'let'", 21), (longChain.Id, longChain.Message, longChain.Range.Line));

        var justBelow = string.Join(" or ", Enumerable.Repeat("$bus = 'ide'", 450));
        Assert.Empty(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace("report: $bus = $emulated-buses", $"report: {new string('(', 64)}{justBelow}{new string(')', 64)}")).Diagnostics);
    }

    [Theory]
    [InlineData("id: VL1001", "id: V1001", "'V1001' is not an id of the form VL followed by four digits, e.g. VL1001")]
    [InlineData("name: disk-bus-not-virtio", "name: DiskBus", "'DiskBus' is not a kebab-case name naming the flagged pattern, e.g. disk-bus-not-virtio")]
    [InlineData("default: 1.5", "default: big", "default 'big' is not a valid number")]
    [InlineData("default: 1.5", "default: -1e999", "default '-1e999' is out of range: a number parameter's default must be a finite number")]
    [InlineData("default: 1.5", "default: NaN", "default 'NaN' is out of range: a number parameter's default must be a finite number")]
    [InlineData("tags: [disk, virtio]", "tags: [Disk]", "'Disk' is not a valid entry of 'tags' (use kebab-case)")]
    [InlineData("type: number\n    default: 1.5", "type: integer\n    default: 1.5", "default '1.5' is not a valid integer: write a whole number, such as 20")]
    [InlineData("type: number\n    default: 1.5", "type: integer\n    default: 1e999", "default '1e999' is out of range: an integer parameter's default must be a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData("type: number\n    default: 1.5", "type: integer\n    default: -9223372036854775809", "default '-9223372036854775809' is out of range: an integer parameter's default must be a whole number from -9223372036854775808 to 9223372036854775807")]
    [InlineData("type: number\n    default: 1.5", "type: boolean\n    default: yes", "default 'yes' is not a valid boolean")]
    [InlineData("severity: warning", "severity: warn", "'severity' must be one of error, warning, note, not 'warn'")]
    [InlineData("category: performance", "category: performance\nprecision: exact", "'precision' must be one of very-high, high, medium, low, not 'exact'")]
    public void Invalid_values_are_explained(string from, string to, string message)
    {
        var diagnostic = Assert.Single(RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace(from, to)).Diagnostics);
        Assert.Equal(message, diagnostic.Message);
    }

    [Theory]
    [InlineData("string", "fast", "fast")]
    [InlineData("number", "-0.25", "-0.25")]
    [InlineData("integer", "-9223372036854775808", "-9223372036854775808")]
    [InlineData("boolean", "false", "false")]
    public void Each_parameter_type_parses_to_a_default_of_that_type(string type, string value, string text)
    {
        var result = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", Rule.Replace("type: number\n    default: 1.5", $"type: {type}\n    default: {value}"));

        Assert.Empty(result.Diagnostics);
        var parameter = result.Rule!.Parameters[1];
        ParamDefault expected = type switch
        {
            "string" => new StringDefault("fast"),
            "number" => new NumberDefault(-0.25),
            "integer" => new IntegerDefault(long.MinValue),
            _ => new BooleanDefault(false),
        };
        Assert.Equal((expected, expected.Type, text), (parameter.Default, parameter.DeclaredType, parameter.Default.Text));
        Assert.Equal(type == "integer" ? Expressions.ValueType.Number : expected.Type.ExpressionType(), parameter.Type);
    }

    [Fact]
    public void Security_severity_is_a_number_printed_with_one_decimal()
    {
        var text = Rule.Replace("category: performance", "category: security\nsecurity-severity: 6.25");
        var spec = RuleFileParser.Parse("rules/domain/disk-bus-not-virtio.yaml", text).Rule!;

        Assert.Equal((RuleCategory.Security, 6.25), (spec.Category, spec.SecuritySeverity));
        Assert.Equal("6.3", RuleFileFields.SecuritySeverityText(spec.SecuritySeverity));
    }
}
