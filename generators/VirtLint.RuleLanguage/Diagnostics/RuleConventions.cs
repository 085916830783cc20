using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Diagnostics;

/// <summary>
/// The conventions every rule file follows beyond being well-formed: its id is in its range, its file is named after the
/// rule (and a built-in rule sits in its target's folder), its docs say why it has its severity, and its message is one
/// sentence naming the offending value in 'single quotes'. Checked by the front end, so the build refuses a built-in rule
/// and <c>--rules</c> refuses a user rule that breaks one, at the offending line and column.
/// </summary>
internal static class RuleConventions
{
    private static readonly Regex BuiltInId = new("^VL([0-9])([0-9]{3})$");

    // An organisation's rule: its own uppercase prefix (not starting with VL, which built-in rules and rule-file errors
    // (VLG) use) and four digits, so it can never collide with a built-in id.
    private static readonly Regex UserId = new("^(?!VL)[A-Z]+[0-9]{4}$");

    // Two sentences: an end mark, white space, then a capital letter.
    private static readonly Regex SentenceBreak = new(@"[.!?]\s+[A-Z]");
    private static readonly Regex QuotedValue = new("'[^']+'");

    /// <summary>
    /// The convention problems of a parsed rule. Values the parser could not read are null (it has reported them) and
    /// are skipped. <paramref name="fields"/> are the rule's top-level fields, for locations.
    /// </summary>
    public static List<RuleDiagnostic> Check(
        string path, RuleOrigin origin, IReadOnlyDictionary<string, KeyValuePair<YamlNode, YamlNode>> fields,
        string? id, string? name, RuleTarget? target, RuleSeverity? severity, DocsSpec? docs, MessageTemplate message)
    {
        var problems = new List<RuleDiagnostic>();
        if (id is not null) IdInRange(problems, origin, id, target, At(fields, "id"));
        if (name is not null) FileNamedAfterRule(problems, path, origin, name, target, fields);
        if (severity is { } level && docs is not null) SeverityExplained(problems, level.NameOf(), docs, fields);
        if (target is not null && fields.TryGetValue("message", out var field) && field.Value is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            MessageStyle(problems, target.Value, message, scalar);
        return problems;
    }

    private static void IdInRange(List<RuleDiagnostic> problems, RuleOrigin origin, string id, RuleTarget? target, SourceRange at)
    {
        if (origin == RuleOrigin.User)
        {
            if (!UserId.IsMatch(id))
                problems.Add(new(DiagnosticIds.IdOutOfRange, $"'{id}' is not an organisation rule id: an uppercase prefix not starting with VL, and four digits, e.g. ORG0001", at));
            return;
        }

        var match = BuiltInId.Match(id);
        if (!match.Success)
        {
            problems.Add(new(DiagnosticIds.IdOutOfRange, $"'{id}' is not an id of the form VL followed by four digits, e.g. VL1001", at));
            return;
        }

        if (target is not { } known) return;
        var kind = DocumentKindTable.Of(known);
        var digit = kind.IdDigit;
        if (match.Groups[1].Value[0] != digit || match.Groups[2].Value == "000")
            problems.Add(new(DiagnosticIds.IdOutOfRange, $"id '{id}' is outside the range of {kind.Name} rules, VL{digit}001 to VL{digit}999", at));
    }

    private static void FileNamedAfterRule(List<RuleDiagnostic> problems, string path, RuleOrigin origin, string name, RuleTarget? target, IReadOnlyDictionary<string, KeyValuePair<YamlNode, YamlNode>> fields)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var fileName = normalized.Substring(slash + 1);
        var stem = fileName.EndsWith(".yaml", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 5)
            : fileName.EndsWith(".yml", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 4)
            : fileName;
        if (stem != name)
            problems.Add(new(DiagnosticIds.FileNotNamedAfterRule, $"the rule '{name}' must be in a file named {name}.yaml, not {fileName}", At(fields, "name")));

        // A built-in rule's folder is its target (rules/domain/...); organisation rules are all in one folder.
        if (origin != RuleOrigin.BuiltIn || target is null || slash < 0) return;
        var folderStart = normalized.LastIndexOf('/', slash - 1) + 1;
        var folder = normalized.Substring(folderStart, slash - folderStart);
        var targetName = target.Value.NameOf();
        if (folder != targetName)
            problems.Add(new(DiagnosticIds.FileNotNamedAfterRule, $"a {targetName} rule belongs in the folder rules/{targetName}/, not in '{folder}'", At(fields, "target")));
    }

    private static void SeverityExplained(List<RuleDiagnostic> problems, string severity, DocsSpec docs, IReadOnlyDictionary<string, KeyValuePair<YamlNode, YamlNode>> fields)
    {
        if (docs.WhyIsThisBad.Length == 0 || docs.WhyIsThisBad.IndexOf(severity, StringComparison.OrdinalIgnoreCase) >= 0) return;
        var at = fields.TryGetValue("docs", out var field) && field.Value is YamlMappingNode map
            && map.Children.TryGetValue(new YamlScalarNode("why-is-this-bad"), out var why)
            ? YamlSource.RangeOf(why)
            : At(fields, "docs");
        problems.Add(new(DiagnosticIds.SeverityNotExplained, $"'why-is-this-bad' does not say why the rule is a '{severity}': end it with, e.g., 'It is a {severity} because ...'", at));
    }

    private static void MessageStyle(List<RuleDiagnostic> problems, RuleTarget target, MessageTemplate message, YamlScalarNode node)
    {
        var at = YamlSource.RangeOf(node);
        var text = Skeleton(message).Trim();
        if (text.Length == 0) return;
        if (!char.IsUpper(text[0]))
            problems.Add(new(DiagnosticIds.MessageStyle, "the message must start with a capital letter (not a placeholder)", at));
        if (text[text.Length - 1] != '.')
            problems.Add(new(DiagnosticIds.MessageStyle, "the message must end with a period", at));
        if (SentenceBreak.Match(text.TrimEnd('.')) is { Success: true } second)
            problems.Add(new(DiagnosticIds.MessageStyle, $"the message must be one sentence, but '{second.Value}' starts another: join them with ';'", at));

        // Document rules' messages come from the XML reader and the engine, which do not always have a value to quote.
        if (target == RuleTarget.Document) return;
        if (!QuotedValue.IsMatch(text))
            problems.Add(new(DiagnosticIds.MessageStyle, "the message must name the offending value in 'single quotes', e.g. \"Disk '{@dev}' uses ...\"", at));
        if (text.IndexOf("''", StringComparison.Ordinal) >= 0)
            problems.Add(new(DiagnosticIds.MessageStyle, "the message quotes an empty value ''", at));
    }

    /// <summary>
    /// The message's literal text with each placeholder as <c>X</c> when its value always starts with a capital letter,
    /// else <c>x</c>: what every finding's message shares.
    /// </summary>
    private static string Skeleton(MessageTemplate message)
    {
        // Document rules keep their message as written, with no placeholders.
        if (message.Parts.Count == 0) return message.Source;
        var text = new StringBuilder();
        foreach (var part in message.Parts)
            text.Append(part.Expression is null ? part.Text : StartsWithCapital(part.Expression) ? "X" : "x");
        return text.ToString();
    }

    /// <summary>True when every value of <paramref name="expr"/> starts with a capital letter: a literal, or concat and if over such literals.</summary>
    private static bool StartsWithCapital(Expr expr) => expr switch
    {
        StringLiteral literal => literal.Value.Length > 0 && char.IsUpper(literal.Value[0]),
        FunctionCall { Function: "concat" } call => StartsWithCapital(call.Arguments[0]),
        FunctionCall { Function: "if" } call => StartsWithCapital(call.Arguments[1]) && StartsWithCapital(call.Arguments[2]),
        FunctionCall { Function: "string", Arguments.Count: 1 } call => StartsWithCapital(call.Arguments[0]),
        _ => false,
    };

    private static SourceRange At(IReadOnlyDictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key) =>
        fields.TryGetValue(key, out var field) ? YamlSource.RangeOf(field.Value) : SourceRange.At(1, 1);
}
