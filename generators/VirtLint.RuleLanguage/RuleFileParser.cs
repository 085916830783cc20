using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using VirtLint.RuleLanguage.Diagnostics;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Vocabulary;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleLanguage;

/// <summary>
/// The rule-file front end: YAML → checked <see cref="RuleSpec"/>. Collects every error it can, each located in the file,
/// rather than stopping at the first.
/// </summary>
public sealed class RuleFileParser
{
    private static readonly Regex KebabPattern = new("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static readonly Regex WholeNumber = new("^[+-]?[0-9]+$");

    private readonly string _path;
    private readonly YamlSource _source;
    private readonly INameChecker? _names;
    private readonly RuleOrigin _origin;
    private readonly List<RuleDiagnostic> _diagnostics = new();

    private RuleFileParser(string path, string text, INameChecker? names, RuleOrigin origin)
    {
        _origin = origin;
        _path = path;
        _source = new YamlSource(text);
        _names = names;
    }

    public static RuleParseResult Parse(string path, string text, INameChecker? names = null) => Parse(path, text, names, RuleOrigin.BuiltIn);

    /// <summary>Parses a rule file; <paramref name="origin"/> decides which ids it may declare.</summary>
    public static RuleParseResult Parse(string path, string text, INameChecker? names, RuleOrigin origin)
    {
        var parser = new RuleFileParser(path, text, names, origin);
        var rule = parser.ParseText(text);
        var diagnostics = new EquatableArray<RuleDiagnostic>(parser._diagnostics);
        return new RuleParseResult(path, parser._diagnostics.Count == 0 ? rule : null, diagnostics);
    }

    private RuleSpec? ParseText(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is null ? e.Message : e.InnerException.Message;
            Error(DiagnosticIds.InvalidYaml, $"invalid YAML: {message}", YamlSource.RangeOf(e.Start, e.End));
            return null;
        }
        catch (InvalidOperationException)
        {
            // The YAML scanner fails this way on some unterminated flow collections; point at the last event it read.
            var at = parser.Current?.Start ?? Mark.Empty;
            Error(DiagnosticIds.InvalidYaml, "invalid YAML: an unterminated flow collection ('[' or '{' without its closing bracket)", YamlSource.RangeOf(at, at));
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(DiagnosticIds.InvalidYaml, "a rule file holds exactly one YAML mapping (id:, name:, ...)", SourceRange.At(1, 1));
            return null;
        }

        return ParseRule(root);
    }

    private RuleSpec? ParseRule(YamlMappingNode root)
    {
        var fields = Fields(root, RuleFileFields.TopLevel, "rule");
        foreach (var required in RuleFileFields.Required)
            if (!fields.ContainsKey(required)) Error(DiagnosticIds.MissingField, $"missing required field '{required}'", YamlSource.RangeOf(root.Start, root.Start));

        var id = Scalar(fields, "id");
        var name = Scalar(fields, "name", KebabPattern, "a kebab-case name naming the flagged pattern, e.g. disk-bus-not-virtio");
        var title = Scalar(fields, "title");
        var severity = OneOf(fields, "severity", RuleFileFields.Severities);
        var category = OneOf(fields, "category", RuleFileFields.Categories);
        var targetValue = OneOf(fields, "target", RuleFileFields.Targets);
        var target = targetValue is { } t ? DocumentKindTable.Of(t).Name : null;
        var precision = fields.ContainsKey("precision") ? OneOf(fields, "precision", RuleFileFields.Precisions) : RulePrecision.High;
        var tags = StringList(fields, "tags", KebabPattern);
        var securitySeverity = SecuritySeverity(fields);
        var docs = Docs(fields);
        var domainScope = Scope(fields, targetValue);

        var facts = Facts(fields, target);
        var requires = Requires(fields, target, facts);
        var scope = new BindingScope(target ?? "", target == WorkspaceNames.Kind ? new WorkspaceNames(facts, _names) : _names);
        var parameters = Parameters(fields, scope);
        RelatedSpec? related = null;

        CheckSpec? check = null;
        var message = new MessageTemplate("", EquatableArray<MessagePart>.Empty);
        if (targetValue == RuleTarget.Document)
        {
            if (fields.TryGetValue("check", out var extra)) Error(DiagnosticIds.InvalidValue, "document rules are reported by the engine and take no 'check'", YamlSource.RangeOf(extra.Key));
            if (fields.TryGetValue("message", out var text) && text.Value is YamlScalarNode scalar) message = new MessageTemplate(scalar.Value ?? "", EquatableArray<MessagePart>.Empty);
        }
        else if (target is not null)
        {
            if (!fields.ContainsKey("check")) Error(DiagnosticIds.MissingField, "missing required field 'check'", YamlSource.RangeOf(root.Start, root.Start));
            if (!fields.ContainsKey("message")) Error(DiagnosticIds.MissingField, "missing required field 'message'", YamlSource.RangeOf(root.Start, root.Start));
            var trail = ElementTrail.Unknown;
            if (fields.TryGetValue("check", out var checkField)) check = Check(checkField.Value, scope, out trail);
            if (fields.TryGetValue("related", out var relatedField)) related = Related(relatedField.Value, scope, trail);
            if (fields.TryGetValue("message", out var messageField)) message = Message(messageField.Value, scope, trail) ?? message;
        }

        _diagnostics.AddRange(RuleConventions.Check(_path, _origin, fields, id, name, targetValue, severity, docs, message));
        if (_diagnostics.Count > 0) return null;
        return new RuleSpec(id!, name!, title!, severity!.Value, category!.Value, tags, precision!.Value, securitySeverity, targetValue!.Value,
            parameters, check, message, docs!, _path, RangeOfField(fields, "id"), RangeOfField(fields, "name"), domainScope)
        {
            Facts = new EquatableArray<FactSpec>(facts),
            Requires = requires,
            Related = related,
        };
    }

    // ---- scope ----

    private ScopeSpec? Scope(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, RuleTarget? target)
    {
        if (!fields.TryGetValue("scope", out var field)) return null;
        if (target is { } other && other != RuleTarget.Domain)
        {
            Error(DiagnosticIds.InvalidValue, $"'scope' applies to domain rules only, not to target '{other.NameOf()}'", YamlSource.RangeOf(field.Key));
            return null;
        }

        if (field.Value is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, "'scope' must be a mapping with hypervisors and optional arch and machines, e.g. { hypervisors: [kvm, qemu, hvf] }", YamlSource.RangeOf(field.Value));
            return null;
        }

        var keys = Fields(map, ScopeVocabulary.Keys, "scope");
        if (!keys.ContainsKey("hypervisors"))
            Error(DiagnosticIds.MissingField, "missing required field 'scope.hypervisors' (a list of domain types, or 'any')", YamlSource.RangeOf(map));
        var hypervisors = ScopeList(keys, "hypervisors", ScopeVocabulary.Hypervisors, "hypervisor");
        var architectures = ScopeList(keys, "arch", ScopeVocabulary.Architectures, "architecture");
        var machines = ScopeList(keys, "machines", ScopeVocabulary.MachineFamilies, "machine family");
        return new ScopeSpec(hypervisors, architectures, machines);
    }

    /// <summary>A scope list: <c>any</c> (or no key) is empty; otherwise known values only, each once.</summary>
    private EquatableArray<string> ScopeList(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> keys, string key, string[] known, string what)
    {
        if (!keys.TryGetValue(key, out var field)) return EquatableArray<string>.Empty;
        if (field.Value is YamlScalarNode { Value: ScopeVocabulary.Any }) return EquatableArray<string>.Empty;
        if (field.Value is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            Error(DiagnosticIds.InvalidValue, $"'scope.{key}' must be a non-empty list of {what} names, or '{ScopeVocabulary.Any}'", YamlSource.RangeOf(field.Value));
            return EquatableArray<string>.Empty;
        }

        var items = new List<string>();
        foreach (var item in seq.Children)
        {
            var value = (item as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(known, value) < 0)
            {
                var suggestion = Suggest(value, known);
                Error(DiagnosticIds.InvalidValue, $"unknown {what} '{value}' in scope.{key}" + (suggestion is null ? $" (known: {string.Join(", ", known)})" : $"; did you mean '{suggestion}'?"), YamlSource.RangeOf(item));
            }
            else if (items.Contains(value))
            {
                Error(DiagnosticIds.InvalidValue, $"{what} '{value}' appears twice in scope.{key}", YamlSource.RangeOf(item));
            }
            else
            {
                items.Add(value);
            }
        }

        return new EquatableArray<string>(items);
    }

    // ---- workspace ----

    /// <summary>
    /// A workspace rule's <c>facts</c>: kind → fact element → <c>each</c> (a path from the document's root element) and
    /// <c>values</c> (attribute → string expression on each node). Fact expressions see no parameters: facts are taken
    /// once per document, whatever the configuration.
    /// </summary>
    private List<FactSpec> Facts(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string? target)
    {
        var facts = new List<FactSpec>();
        var has = fields.TryGetValue("facts", out var field);
        if (target != WorkspaceNames.Kind)
        {
            if (has) Error(DiagnosticIds.InvalidValue, "'facts' belong to workspace rules (target: workspace)", YamlSource.RangeOf(field.Key));
            return facts;
        }

        if (!has)
        {
            Error(DiagnosticIds.MissingField, "missing required field 'facts' (a workspace rule declares what each document contributes)", SourceRange.At(1, 1));
            return facts;
        }

        if (field.Value is not YamlMappingNode kinds || kinds.Children.Count == 0)
        {
            Error(DiagnosticIds.InvalidValue, $"'facts' must map document kinds ({string.Join(", ", DocumentKindTable.LibvirtDocumentNames)}) to fact elements", YamlSource.RangeOf(field.Value));
            return facts;
        }

        foreach (var kindEntry in Fields(kinds, DocumentKindTable.LibvirtDocumentNames, "facts"))
        {
            var kind = kindEntry.Key;
            if (kindEntry.Value.Value is not YamlMappingNode elements || elements.Children.Count == 0)
            {
                Error(DiagnosticIds.InvalidValue, $"'facts.{kind}' must map fact element names to {{each, values}}", YamlSource.RangeOf(kindEntry.Value.Value));
                continue;
            }

            foreach (var entry in elements.Children)
            {
                var element = (entry.Key as YamlScalarNode)?.Value ?? "";
                if (!KebabPattern.IsMatch(element) || WorkspaceNames.IsReserved(element))
                {
                    Error(DiagnosticIds.InvalidValue, $"'{element}' is not a valid fact name (kebab-case, not one of {WorkspaceNames.Kind}, {string.Join(", ", DocumentKindTable.LibvirtDocumentNames)})", YamlSource.RangeOf(entry.Key));
                    continue;
                }

                if (facts.Any(f => f.Element == element))
                {
                    Error(DiagnosticIds.InvalidValue, $"fact '{element}' is declared twice", YamlSource.RangeOf(entry.Key));
                    continue;
                }

                if (Fact(kind, element, entry.Value) is { } fact) facts.Add(fact);
            }
        }

        return facts;
    }

    private FactSpec? Fact(string kind, string element, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, $"fact '{element}' must be a mapping with 'each' and 'values'", YamlSource.RangeOf(node));
            return null;
        }

        var fields = Fields(map, RuleFileFields.Fact, $"fact '{element}'");
        if (!fields.ContainsKey("each")) Error(DiagnosticIds.MissingField, $"missing required field 'each' in fact '{element}'", YamlSource.RangeOf(map));
        if (!fields.ContainsKey("values")) Error(DiagnosticIds.MissingField, $"missing required field 'values' in fact '{element}'", YamlSource.RangeOf(map));
        var scope = new BindingScope(kind, _names);
        var root = ElementTrail.Of(ExpressionParser.RootElementOf(kind)!);
        var trail = ElementTrail.Unknown;
        var each = fields.TryGetValue("each", out var eachField) ? Expression(eachField.Value, scope, root, ValueType.NodeSet, out trail) : null;
        var values = new List<FactValueSpec>();
        if (fields.TryGetValue("values", out var valuesField))
        {
            if (valuesField.Value is not YamlMappingNode valueMap || valueMap.Children.Count == 0)
            {
                Error(DiagnosticIds.InvalidValue, $"'values' of fact '{element}' must map attribute names to expressions", YamlSource.RangeOf(valuesField.Value));
            }
            else
            {
                foreach (var entry in valueMap.Children)
                {
                    var name = (entry.Key as YamlScalarNode)?.Value ?? "";
                    if (!KebabPattern.IsMatch(name) || name == WorkspaceNames.HostAttribute)
                    {
                        Error(DiagnosticIds.InvalidValue, $"'{name}' is not a valid fact value name (kebab-case, not 'host')", YamlSource.RangeOf(entry.Key));
                        continue;
                    }

                    if (Expression(entry.Value, scope, trail, ValueType.String, out _) is { } value) values.Add(new FactValueSpec(name, value));
                }
            }
        }

        return each is null ? null : new FactSpec(kind, element, each, new EquatableArray<FactValueSpec>(values));
    }

    /// <summary><c>requires</c>: kinds the rule declares facts for, whose absence leaves it nothing to judge against.</summary>
    private EquatableArray<string> Requires(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string? target, List<FactSpec> facts)
    {
        if (!fields.TryGetValue("requires", out var field)) return EquatableArray<string>.Empty;
        if (target != WorkspaceNames.Kind)
        {
            Error(DiagnosticIds.InvalidValue, "'requires' belongs to workspace rules (target: workspace)", YamlSource.RangeOf(field.Key));
            return EquatableArray<string>.Empty;
        }

        var kinds = StringList(fields, "requires", null);
        foreach (var kind in kinds)
        {
            if (!facts.Any(f => f.Kind == kind))
                Error(DiagnosticIds.InvalidValue, $"'requires' names '{kind}', but the rule declares no facts of that kind", YamlSource.RangeOf(field.Value));
        }

        return kinds;
    }

    private RelatedSpec? Related(YamlNode node, BindingScope scope, ElementTrail trail)
    {
        if (node is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, "'related' must be a mapping with 'nodes' (a path from the context node) and 'message'", YamlSource.RangeOf(node));
            return null;
        }

        var fields = Fields(map, RuleFileFields.Related, "related");
        if (!fields.ContainsKey("nodes") || !fields.ContainsKey("message"))
        {
            Error(DiagnosticIds.MissingField, "'related' needs both 'nodes' and 'message'", YamlSource.RangeOf(map));
            return null;
        }

        var nodes = Expression(fields["nodes"].Value, scope, trail, ValueType.NodeSet, out var nodesTrail);
        var message = Message(fields["message"].Value, scope, nodesTrail);
        return nodes is null || message is null ? null : new RelatedSpec(nodes, message);
    }

    // ---- check ----

    private CheckSpec? Check(YamlNode node, BindingScope scope, out ElementTrail contextTrail)
    {
        contextTrail = ElementTrail.Unknown;
        if (node is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, "'check' must be a mapping with context, assert or report, and optional let and location", YamlSource.RangeOf(node));
            return null;
        }

        var fields = Fields(map, RuleFileFields.Check, "check");
        if (!fields.ContainsKey("context")) Error(DiagnosticIds.MissingField, "missing required field 'check.context'", YamlSource.RangeOf(map));
        var hasAssert = fields.ContainsKey("assert");
        var hasReport = fields.ContainsKey("report");
        if (hasAssert == hasReport)
            Error(hasAssert ? DiagnosticIds.InvalidValue : DiagnosticIds.MissingField, "a check has exactly one of 'assert' (finding when false) or 'report' (finding when true)", YamlSource.RangeOf(map));

        var root = ExpressionParser.RootElementOf(scope.Kind);
        var rootTrail = root is null ? ElementTrail.Unknown : ElementTrail.Of(root);
        var context = fields.TryGetValue("context", out var contextField) ? Expression(contextField.Value, scope, rootTrail, ValueType.NodeSet, out contextTrail) : null;
        var trail = contextTrail;

        var lets = new List<LetSpec>();
        if (fields.TryGetValue("let", out var letField))
        {
            if (letField.Value is YamlMappingNode letMap)
            {
                foreach (var entry in letMap.Children)
                {
                    var letName = (entry.Key as YamlScalarNode)?.Value ?? "";
                    if (!KebabOrSnake(letName))
                    {
                        Error(DiagnosticIds.InvalidValue, $"'{letName}' is not a valid variable name", YamlSource.RangeOf(entry.Key));
                        continue;
                    }

                    if (scope.TryLookup(letName, out _))
                    {
                        Error(DiagnosticIds.InvalidValue, $"'{letName}' is already defined", YamlSource.RangeOf(entry.Key));
                        continue;
                    }

                    var value = Expression(entry.Value, scope, trail, null, out var letTrail);
                    if (value is null) continue;
                    lets.Add(new LetSpec(letName, value) { Line = LineOf(entry.Value) });
                    scope.Declare(new VariableInfo(letName, VariableKind.Let, value.Type, letTrail));
                }
            }
            else
            {
                Error(DiagnosticIds.InvalidValue, "'let' must be a mapping of variable names to expressions", YamlSource.RangeOf(letField.Value));
            }
        }

        var testField = hasAssert ? fields["assert"] : hasReport ? fields["report"] : default;
        var test = testField.Value is null ? null : Expression(testField.Value, scope, trail, ValueType.Boolean, out _);
        Expr? location = null;
        if (fields.TryGetValue("location", out var locationField))
            location = Expression(locationField.Value, scope, trail, ValueType.NodeSet, out _);

        if (context is null || test is null) return null;
        return new CheckSpec(context, new EquatableArray<LetSpec>(lets), test, hasAssert, location)
        {
            ContextLine = LineOf(contextField.Value),
            TestLine = LineOf(testField.Value!),
            LocationLine = location is null ? 0 : LineOf(locationField.Value),
        };
    }

    private Expr? Expression(YamlNode node, BindingScope scope, ElementTrail trail, ValueType? expected, out ElementTrail resultTrail)
    {
        resultTrail = ElementTrail.Unknown;
        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticIds.InvalidValue, "expected an expression (a YAML string)", YamlSource.RangeOf(node));
            return null;
        }

        try
        {
            var expr = ExpressionParser.Parse(scalar.Value!, scope, trail, out resultTrail);
            if (expected == ValueType.NodeSet && expr.Type != ValueType.NodeSet)
            {
                Error(DiagnosticIds.ExpressionType, $"expected a node-set (a path) but this expression is a {expr.Type.ToName()}", YamlSource.RangeOf(node));
                return null;
            }

            return expected is { } type ? ExpressionParser.Convert(expr, type) : expr;
        }
        catch (ExpressionException e)
        {
            Error(e.DiagnosticId, e.Message, _source.RangeIn(scalar, e.Offset, e.Length));
            return null;
        }
    }

    // ---- message ----

    private MessageTemplate? Message(YamlNode node, BindingScope scope, ElementTrail trail)
    {
        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticIds.InvalidValue, "'message' must be a non-empty string", YamlSource.RangeOf(node));
            return null;
        }

        var text = scalar.Value!;
        var parts = new List<MessagePart>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        var failed = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i += 2; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i += 2; continue; }
            if (c == '}')
            {
                Error(DiagnosticIds.ExpressionSyntax, "unmatched '}' in message (write '}}' for a literal brace)", _source.RangeIn(scalar, i, 1));
                failed = true;
                i++;
                continue;
            }

            if (c != '{') { literal.Append(c); i++; continue; }
            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                Error(DiagnosticIds.ExpressionSyntax, "unterminated '{' in message (write '{{' for a literal brace)", _source.RangeIn(scalar, i, 1));
                failed = true;
                break;
            }

            if (literal.Length > 0) { parts.Add(new MessagePart(literal.ToString(), null)); literal.Clear(); }
            var source = text.Substring(i + 1, close - i - 1);
            try
            {
                var expr = ExpressionParser.Parse(source, scope, trail);
                parts.Add(new MessagePart(source, ExpressionParser.Convert(expr, ValueType.String)));
            }
            catch (ExpressionException e)
            {
                Error(e.DiagnosticId, e.Message, _source.RangeIn(scalar, i + 1 + e.Offset, e.Length));
                failed = true;
            }

            i = close + 1;
        }

        if (literal.Length > 0) parts.Add(new MessagePart(literal.ToString(), null));
        return failed ? null : new MessageTemplate(text, new EquatableArray<MessagePart>(parts)) { Line = LineOf(node) };
    }

    // ---- params ----

    private EquatableArray<ParamSpec> Parameters(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, BindingScope scope)
    {
        var result = new List<ParamSpec>();
        if (!fields.TryGetValue("params", out var field)) return EquatableArray<ParamSpec>.Empty;
        if (field.Value is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, "'params' must be a mapping of parameter names to {type, default, description}", YamlSource.RangeOf(field.Value));
            return EquatableArray<ParamSpec>.Empty;
        }

        foreach (var entry in map.Children)
        {
            var name = (entry.Key as YamlScalarNode)?.Value ?? "";
            if (!KebabOrSnake(name))
            {
                Error(DiagnosticIds.InvalidValue, $"'{name}' is not a valid parameter name (use kebab-case)", YamlSource.RangeOf(entry.Key));
                continue;
            }

            if (entry.Value is not YamlMappingNode paramMap)
            {
                Error(DiagnosticIds.InvalidValue, $"parameter '{name}' must be a mapping with type, default and description", YamlSource.RangeOf(entry.Value));
                continue;
            }

            var paramFields = Fields(paramMap, RuleFileFields.Param, $"parameter '{name}'");
            var type = OneOf(paramFields, "type", RuleFileFields.ParamTypes);
            var description = paramFields.ContainsKey("description") ? Scalar(paramFields, "description") ?? "" : "";
            if (!paramFields.TryGetValue("default", out var defaultField))
            {
                Error(DiagnosticIds.MissingField, $"parameter '{name}' needs a 'default'", YamlSource.RangeOf(paramMap));
                continue;
            }

            if (type is not { } declared) continue;
            // Declared even when its default is refused, so the expressions using it are not also reported as unknown.
            scope.Declare(new VariableInfo(name, VariableKind.Parameter, declared.ExpressionType(), ElementTrail.Unknown));
            if (Default(name, declared, defaultField.Value) is { } value) result.Add(new ParamSpec(name, value, description));
        }

        return new EquatableArray<ParamSpec>(result);
    }

    /// <summary>A parameter's default as a value of its declared type; null (after a located error) when it is not one.</summary>
    private ParamDefault? Default(string name, ParamType type, YamlNode node)
    {
        if (type == ParamType.StringList)
        {
            if (node is not YamlSequenceNode seq)
            {
                Error(DiagnosticIds.InvalidValue, $"parameter '{name}' is a string-list; its default must be a YAML list", YamlSource.RangeOf(node));
                return null;
            }

            var items = new List<string>();
            var valid = true;
            foreach (var item in seq.Children)
            {
                if (item is YamlScalarNode s) items.Add(s.Value ?? "");
                else { Error(DiagnosticIds.InvalidValue, "list defaults hold strings only", YamlSource.RangeOf(item)); valid = false; }
            }

            return valid ? new StringListDefault(new EquatableArray<string>(items)) : null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(DiagnosticIds.InvalidValue, $"parameter '{name}' needs a scalar default", YamlSource.RangeOf(node));
            return null;
        }

        var text = scalar.Value ?? "";
        var at = YamlSource.RangeOf(scalar);
        switch (type)
        {
            case ParamType.Number:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) break;
                // -1e999 reads as -Infinity (and 'NaN' as NaN): no parameter means them, and no checker could be given them.
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    Error(DiagnosticIds.InvalidValue, $"default '{text}' is out of range: a number parameter's default must be a finite number", at);
                    return null;
                }

                return new NumberDefault(number);
            case ParamType.Integer:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return new IntegerDefault(integer);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole)) break;
                // Configuration takes an integer only as a whole number (long), so the default is held to the same.
                var outOfRange = WholeNumber.IsMatch(text) || (Math.Floor(whole) == whole && !IsWithinLong(whole));
                Error(DiagnosticIds.InvalidValue, outOfRange
                    ? $"default '{text}' is out of range: an integer parameter's default must be a whole number from {long.MinValue} to {long.MaxValue}"
                    : $"default '{text}' is not a valid integer: write a whole number, such as 20", at);
                return null;
            case ParamType.Boolean:
                if (text is "true" or "false") return new BooleanDefault(text == "true");
                break;
            default:
                return new StringDefault(text);
        }

        Error(DiagnosticIds.InvalidValue, $"default '{text}' is not a valid {type.NameOf()}", at);
        return null;
    }

    /// <summary>True when <paramref name="value"/> (a whole number) fits a long; false for infinities too.</summary>
    private static bool IsWithinLong(double value) => value >= -9.2233720368547758E18 && value < 9.2233720368547758E18;

    // ---- docs and metadata ----

    private DocsSpec? Docs(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields)
    {
        if (!fields.TryGetValue("docs", out var field)) return null;
        if (field.Value is not YamlMappingNode map)
        {
            Error(DiagnosticIds.InvalidValue, "'docs' must be a mapping with what-it-does, why-is-this-bad, example, use-instead and references", YamlSource.RangeOf(field.Value));
            return null;
        }

        var docs = Fields(map, RuleFileFields.Docs, "docs");
        string Section(string key)
        {
            if (docs.ContainsKey(key)) return (Scalar(docs, key) ?? "").Trim();
            Error(DiagnosticIds.MissingField, $"missing required docs section '{key}'", YamlSource.RangeOf(map.Start, map.Start));
            return "";
        }

        var what = Section("what-it-does");
        var why = Section("why-is-this-bad");
        var example = Section("example");
        var instead = Section("use-instead");
        var references = StringList(docs, "references", null);
        return new DocsSpec(what, why, example, instead, references);
    }

    /// <summary>The <c>security-severity</c> score, 0.1 to 10.0 (reports print it with one decimal).</summary>
    private double? SecuritySeverity(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields)
    {
        if (!fields.TryGetValue("security-severity", out var field)) return null;
        var text = (field.Value as YamlScalarNode)?.Value;
        if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0.1 || value > 10.0)
        {
            Error(DiagnosticIds.InvalidValue, "'security-severity' must be a number from 0.1 to 10.0", YamlSource.RangeOf(field.Value));
            return null;
        }

        return value;
    }

    // ---- YAML helpers ----

    private Dictionary<string, KeyValuePair<YamlNode, YamlNode>> Fields(YamlMappingNode map, string[] allowed, string where)
    {
        var result = new Dictionary<string, KeyValuePair<YamlNode, YamlNode>>(StringComparer.Ordinal);
        foreach (var entry in map.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(allowed, key) < 0)
            {
                var suggestion = Suggest(key, allowed);
                Error(DiagnosticIds.UnknownField, $"unknown field '{key}' in {where}" + (suggestion is null ? $" (allowed: {string.Join(", ", allowed)})" : $"; did you mean '{suggestion}'?"), YamlSource.RangeOf(entry.Key));
                continue;
            }

            if (result.ContainsKey(key))
            {
                Error(DiagnosticIds.InvalidValue, $"field '{key}' appears twice in {where}", YamlSource.RangeOf(entry.Key));
                continue;
            }

            result[key] = entry;
        }

        return result;
    }

    private static string? Suggest(string key, string[] allowed)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var candidate in allowed)
        {
            var distance = EditDistance.Levenshtein(key, candidate);
            if (distance < bestDistance) { best = candidate; bestDistance = distance; }
        }

        return best;
    }

    private string? Scalar(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key, Regex? pattern = null, string? patternDescription = null)
    {
        if (!fields.TryGetValue(key, out var field)) return null;
        if (field.Value is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Error(DiagnosticIds.InvalidValue, $"'{key}' must be a non-empty string", YamlSource.RangeOf(field.Value));
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(scalar.Value!))
        {
            Error(DiagnosticIds.InvalidValue, $"'{scalar.Value}' is not {patternDescription}", YamlSource.RangeOf(field.Value));
            return null;
        }

        return scalar.Value;
    }

    private string? OneOf(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key, string[] allowed)
    {
        var value = Scalar(fields, key);
        if (value is null) return null;
        if (Array.IndexOf(allowed, value) >= 0) return value;
        Error(DiagnosticIds.InvalidValue, $"'{key}' must be one of {string.Join(", ", allowed)}, not '{value}'", YamlSource.RangeOf(fields[key].Value));
        return null;
    }

    /// <summary>The field's value mapped to its enum once, here; an unknown spelling is an error at the value.</summary>
    private T? OneOf<T>(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key, NameTable<T> table)
        where T : struct, Enum
    {
        var names = table.Names;
        var value = OneOf(fields, key, names);
        return value is not null && table.TryParse(value, out var parsed) ? parsed : null;
    }

    private EquatableArray<string> StringList(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key, Regex? itemPattern)
    {
        if (!fields.TryGetValue(key, out var field)) return EquatableArray<string>.Empty;
        if (field.Value is not YamlSequenceNode seq)
        {
            Error(DiagnosticIds.InvalidValue, $"'{key}' must be a YAML list", YamlSource.RangeOf(field.Value));
            return EquatableArray<string>.Empty;
        }

        var items = new List<string>();
        foreach (var item in seq.Children)
        {
            var value = (item as YamlScalarNode)?.Value;
            if (value is null || (itemPattern is not null && !itemPattern.IsMatch(value)))
            {
                Error(DiagnosticIds.InvalidValue, $"'{value}' is not a valid entry of '{key}'" + (itemPattern is null ? "" : " (use kebab-case)"), YamlSource.RangeOf(item));
                continue;
            }

            items.Add(value);
        }

        return new EquatableArray<string>(items);
    }

    /// <summary>The line an expression's text starts on (a block scalar's text starts on the line after its indicator).</summary>
    private static int LineOf(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? YamlSource.RangeOf(node).Line + 1 : YamlSource.RangeOf(node).Line;

    private static SourceRange RangeOfField(Dictionary<string, KeyValuePair<YamlNode, YamlNode>> fields, string key) =>
        fields.TryGetValue(key, out var field) ? YamlSource.RangeOf(field.Value) : SourceRange.At(1, 1);

    private static bool KebabOrSnake(string name) => Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$");

    private void Error(string id, string message, SourceRange range) => _diagnostics.Add(new RuleDiagnostic(id, message, range));
}
