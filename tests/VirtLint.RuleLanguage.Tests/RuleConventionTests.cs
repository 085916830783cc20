using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Diagnostics;

namespace VirtLint.RuleLanguage.Tests;

/// <summary>
/// The suite's conventions as language diagnostics (message style, severity reason, id range, file name): each
/// broken one is a located error, for built-in rules and user rules alike.
/// </summary>
public sealed class RuleConventionTests
{
    private const string Path = "rules/domain/disk-bus-ide.yaml";

    private const string Rule = """
        id: VL1001
        name: disk-bus-ide
        title: Disk uses IDE
        severity: warning
        category: performance
        target: domain
        check:
          context: devices/disk/target
          report: "@bus = 'ide'"
        message: "Disk '{@dev}' uses 'ide'."
        docs:
          what-it-does: What.
          why-is-this-bad: Why. It is a warning because IDE is slow.
          example: <a/>
          use-instead: <b/>
        """;

    private const string Message = "message: \"Disk '{@dev}' uses 'ide'.\"";

    [Fact]
    public void A_rule_that_follows_the_conventions_has_no_diagnostics()
    {
        Assert.Empty(RuleFileParser.Parse(Path, Rule).Diagnostics);
        Assert.Empty(RuleFileParser.Parse("/home/me/org-rules/disk-bus-ide.yml", Rule.Replace("id: VL1001", "id: ACME0001"), null, RuleOrigin.User).Diagnostics);
    }

    public static TheoryData<string, string, string, string, int, int> BuiltInCases => new()
    {
        { Message, "message: \"Disk '{@dev}' uses 'ide'\"", DiagnosticIds.MessageStyle, "the message must end with a period", 10, 10 },
        { Message, "message: \"disk '{@dev}' uses 'ide'.\"", DiagnosticIds.MessageStyle, "the message must start with a capital letter (not a placeholder)", 10, 10 },
        { Message, "message: \"{@dev} uses 'ide'.\"", DiagnosticIds.MessageStyle, "the message must start with a capital letter (not a placeholder)", 10, 10 },
        { Message, "message: \"Disk '{@dev}' uses 'ide'. Use 'virtio'.\"", DiagnosticIds.MessageStyle, "the message must be one sentence, but '. U' starts another: join them with ';'", 10, 10 },
        { Message, "message: \"Disk '{@dev}' uses '{@bus}'. {if(@bus = 'ide', 'Slow', 'Fast')}.\"", DiagnosticIds.MessageStyle, "the message must be one sentence, but '. X' starts another: join them with ';'", 10, 10 },
        { Message, "message: \"Disk {@dev} uses IDE.\"", DiagnosticIds.MessageStyle, "the message must name the offending value in 'single quotes', e.g. \"Disk '{@dev}' uses ...\"", 10, 10 },
        { Message, "message: \"Disk '{@dev}' uses ''.\"", DiagnosticIds.MessageStyle, "the message quotes an empty value ''", 10, 10 },
        { "why-is-this-bad: Why. It is a warning because IDE is slow.", "why-is-this-bad: IDE is slow.", DiagnosticIds.SeverityNotExplained, "'why-is-this-bad' does not say why the rule is a 'warning': end it with, e.g., 'It is a warning because ...'", 13, 20 },
        { "id: VL1001", "id: VL2001", DiagnosticIds.IdOutOfRange, "id 'VL2001' is outside the range of domain rules, VL1001 to VL1999", 1, 5 },
        { "id: VL1001", "id: VL1000", DiagnosticIds.IdOutOfRange, "id 'VL1000' is outside the range of domain rules, VL1001 to VL1999", 1, 5 },
        { "id: VL1001", "id: V1001", DiagnosticIds.IdOutOfRange, "'V1001' is not an id of the form VL followed by four digits, e.g. VL1001", 1, 5 },
        { "id: VL1001", "id: ORG0001", DiagnosticIds.IdOutOfRange, "'ORG0001' is not an id of the form VL followed by four digits, e.g. VL1001", 1, 5 },
        { "name: disk-bus-ide", "name: disk-bus-emulated", DiagnosticIds.FileNotNamedAfterRule, "the rule 'disk-bus-emulated' must be in a file named disk-bus-emulated.yaml, not disk-bus-ide.yaml", 2, 7 },
    };

    [Theory]
    [MemberData(nameof(BuiltInCases))]
    public void A_built_in_rule_breaking_a_convention_gets_a_located_error(string from, string to, string id, string message, int line, int column)
    {
        Assert.Contains(from, Rule, StringComparison.Ordinal);
        var result = RuleFileParser.Parse(Path, Rule.Replace(from, to));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((id, message, line, column), (diagnostic.Id, diagnostic.Message, diagnostic.Range.Line, diagnostic.Range.Column));
        Assert.Null(result.Rule);
    }

    [Fact]
    public void A_built_in_rule_sits_in_its_targets_folder()
    {
        var diagnostic = Assert.Single(RuleFileParser.Parse("rules/pool/disk-bus-ide.yaml", Rule).Diagnostics);
        Assert.Equal((DiagnosticIds.FileNotNamedAfterRule, "a domain rule belongs in the folder rules/domain/, not in 'pool'", 6, 9),
            (diagnostic.Id, diagnostic.Message, diagnostic.Range.Line, diagnostic.Range.Column));
    }

    [Theory]
    [InlineData("document", "VL0001")]
    [InlineData("pool", "VL2999")]
    [InlineData("volume", "VL3500")]
    [InlineData("network", "VL4001")]
    public void Each_target_has_its_own_id_range(string target, string id)
    {
        var text = $"""
            id: {id}
            name: disk-bus-ide
            title: Sample
            severity: note
            category: reliability
            target: {target}
            check:
              context: "."
              report: "true()"
            message: "Sample '{"{"}name(.){"}"}' is flagged."
            docs:
              what-it-does: What.
              why-is-this-bad: It is a note because it is a test.
              example: <a/>
              use-instead: <b/>
            """;
        if (target == "document") text = text.Replace("check:\n  context: \".\"\n  report: \"true()\"\n", "");
        Assert.Empty(RuleFileParser.Parse($"rules/{target}/disk-bus-ide.yaml", text).Diagnostics);
        var wrong = Assert.Single(RuleFileParser.Parse($"rules/{target}/disk-bus-ide.yaml", text.Replace($"id: {id}", "id: VL1234")).Diagnostics);
        Assert.Equal(DiagnosticIds.IdOutOfRange, wrong.Id);
    }

    [Fact]
    public void A_message_may_start_with_a_placeholder_that_always_starts_with_a_capital()
    {
        var text = Rule.Replace(Message, "message: \"{if(@bus = 'ide', 'Disk', concat('Drive ', @bus))} '{@dev}' is slow.\"");
        Assert.Empty(RuleFileParser.Parse(Path, text).Diagnostics);
    }

    [Fact]
    public void Document_rules_need_not_quote_a_value()
    {
        var text = Rule.Replace("id: VL1001", "id: VL0901").Replace("target: domain", "target: document")
            .Replace("check:\n  context: devices/disk/target\n  report: \"@bus = 'ide'\"\n", "")
            .Replace(Message, "message: The file is not well-formed XML.");
        Assert.Empty(RuleFileParser.Parse("rules/document/disk-bus-ide.yaml", text).Diagnostics);
        var twoSentences = Assert.Single(RuleFileParser.Parse("rules/document/disk-bus-ide.yaml", text.Replace("XML.", "XML. Fix it.")).Diagnostics);
        Assert.Equal(DiagnosticIds.MessageStyle, twoSentences.Id);
    }

    [Theory]
    [InlineData("id: VL1001", "'VL1001' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001", 1, 5)]
    [InlineData("id: Org0001", "'Org0001' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001", 1, 5)]
    [InlineData("id: VLX0001", "'VLX0001' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001", 1, 5)]
    public void A_user_rule_id_is_an_uppercase_prefix_other_than_VL_and_four_digits(string id, string message, int line, int column)
    {
        var diagnostic = Assert.Single(RuleFileParser.Parse("org-rules/disk-bus-ide.yaml", Rule.Replace("id: VL1001", id), null, RuleOrigin.User).Diagnostics);
        Assert.Equal((DiagnosticIds.IdOutOfRange, message, line, column), (diagnostic.Id, diagnostic.Message, diagnostic.Range.Line, diagnostic.Range.Column));
    }

    [Fact]
    public void A_user_rule_is_named_after_its_file_but_may_sit_in_any_folder()
    {
        var text = Rule.Replace("id: VL1001", "id: ORG0001");
        Assert.Empty(RuleFileParser.Parse("org-rules/disk-bus-ide.yaml", text, null, RuleOrigin.User).Diagnostics);
        var diagnostic = Assert.Single(RuleFileParser.Parse("org-rules/ide.yaml", text, null, RuleOrigin.User).Diagnostics);
        Assert.Equal((DiagnosticIds.FileNotNamedAfterRule, "the rule 'disk-bus-ide' must be in a file named disk-bus-ide.yaml, not ide.yaml", 2, 7),
            (diagnostic.Id, diagnostic.Message, diagnostic.Range.Line, diagnostic.Range.Column));
    }
}
