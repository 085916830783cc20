using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using VirtLint.Generators.Model;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.Generators;

public sealed partial class RuleGenerator
{
    private const string GeneratedNamespace = "VirtLint.Rules.Generated";
    private const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"VirtLint.Generators\", \"1.0\")]";

    private static string ClassName(RuleSpec rule) => rule.Id + "_" + CSharpText.Pascal(rule.Name);

    private static void EmitRuleFile(SourceProductionContext output, ParsedRuleFile file, EquatableArray<string> duplicatedIds)
    {
        foreach (var diagnostic in file.Diagnostics) Report(output, diagnostic);
        // A duplicated id is reported by the registry (VLG0007); emitting either class would clash on the hint name.
        if (file.Plan is null || duplicatedIds.Contains(file.Plan.Rule.Id)) return;
        output.AddSource(file.Plan.Rule.Id + ".g.cs", EmitChecker(file.Plan, file.IdLocation.Path));
    }

    /// <summary>
    /// The C# of one rule's plan: its descriptor and, unless the engine reports it, a checker whose statements carry
    /// <c>#line</c> directives into <paramref name="rulePath"/> (the rule file as the build reads it), so a debugger
    /// steps through the YAML and an error in a check's code points at its expression.
    /// </summary>
    internal static string EmitChecker(RulePlan plan, string? rulePath = null)
    {
        var rule = plan.Rule;
        var w = new IndentedWriter();
        Header(w);
        w.Line("using System;");
        w.Line("using System.Collections.Generic;");
        w.Line("using System.Linq;");
        w.Line("using System.Text.RegularExpressions;");
        w.Line("using System.Xml.Linq;");
        w.Line("using VirtLint.Core;");
        w.Line("using VirtLint.Core.XPath;");
        w.Line();
        w.Line($"namespace {GeneratedNamespace};");
        w.Line();
        w.Line($"/// <summary>{Xml(rule.Id)} {Xml(rule.Name)}: {Xml(rule.Title)} (from {Xml(rule.SourcePath)}).</summary>");
        w.Line(GeneratedCodeAttribute);
        var className = ClassName(rule);
        if (plan.Check is null)
        {
            w.Open($"internal static class {className}");
            EmitDescriptor(w, rule);
            w.Close();
            return w.ToString();
        }

        var expressions = new ExpressionEmitter();
        var body = EmitCheckBody(rule, plan.Check, expressions, rulePath ?? rule.SourcePath);

        var isWorkspace = rule.Target == RuleTarget.Workspace;
        w.Open($"internal sealed class {className} : {(isWorkspace ? "global::VirtLint.Core.Workspace.WorkspaceRuleChecker" : "RuleChecker")}");
        EmitDescriptor(w, rule);
        w.Line();
        EmitExpressionFields(w, expressions);
        foreach (var parameter in rule.Parameters)
            if (parameter.Default is StringListDefault list)
                w.Line($"private static readonly string[] {DefaultField(parameter)} = {{ {string.Join(", ", list.Values.Select(CSharpText.Literal))} }};");
        w.Line();
        w.Line("public override RuleDescriptor Descriptor => Rule;");
        w.Line();
        if (isWorkspace)
        {
            EmitWorkspaceMembers(w, plan);
        }
        else
        {
            w.Line($"public override DocumentKind Kind => {Kind(rule.Target.NameOf())};");
            if (plan.Check.Requirements.Count > 0) EmitRequirements(w, plan.Check.Requirements);
        }

        w.Line();
        w.Open("public override void Check(CheckContext context)");
        foreach (var line in EmitScopeCheck(rule.Scope)) w.Line(line);
        foreach (var line in body) w.Line(line);
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The check's requirements, one clause per line: the engine skips a document that fails one.</summary>
    private static void EmitRequirements(IndentedWriter w, EquatableArray<RequiredClause> requirements)
    {
        w.Line();
        w.Line("private static readonly RequiredNode[][] Required_Nodes =");
        w.Line("{");
        foreach (var clause in requirements)
            w.Line($"    new RequiredNode[] {{ {string.Join(", ", clause.AnyOf.Select(RequiredNodeExpression))} }},");
        w.Line("};");
        w.Line();
        w.Line("public override RequiredNode[][] RequiredNodes => Required_Nodes;");
    }

    private static string RequiredNodeExpression(RequiredNode node) => node.Attribute is null
        ? $"RequiredNode.ElementNamed({CSharpText.Literal(node.Element!)})"
        : $"RequiredNode.AttributeNamed({CSharpText.Literal(node.Attribute)}, {Optional(node.Value)}, {Optional(node.Element)})";

    private static string Optional(string? text) => text is null ? "null" : CSharpText.Literal(text);

    /// <summary>The scope as a pre-check: one comparison per restricted property, on facts the document reads once.</summary>
    private static List<string> EmitScopeCheck(ScopeSpec? scope)
    {
        var lines = new List<string>();
        if (scope is null || scope.IsAny) return lines;
        lines.Add("// Scope: the rule does not apply to other domains.");
        lines.Add("var domain = context.Document.Domain;");
        if (scope.Hypervisors.Count > 0) lines.Add($"if (domain.Type is not {Alternatives(scope.Hypervisors)}) return;");
        if (scope.Architectures.Count > 0) lines.Add($"if (domain.Arch is not {Alternatives(scope.Architectures)}) return;");
        if (scope.Machines.Count > 0) lines.Add($"if (domain.MachineFamily is not {Alternatives(scope.Machines)}) return;");
        return lines;
    }

    private static string Alternatives(EquatableArray<string> values) =>
        values.Count == 1 ? CSharpText.Literal(values[0]) : "(" + string.Join(" or ", values.Select(CSharpText.Literal)) + ")";

    private static string StringArray(EquatableArray<string> values) => $"new string[] {{ {string.Join(", ", values.Select(CSharpText.Literal))} }}";

    private static List<string> EmitCheckBody(RuleSpec rule, CheckPlan check, ExpressionEmitter expressions, string rulePath)
    {
        var lines = new List<string> { "#line hidden" };
        foreach (var parameter in rule.Parameters)
        {
            var local = CSharpText.Identifier("p_", parameter.Name);
            var name = CSharpText.Literal(parameter.Name);
            // An integer is a number in expressions; configuration has already held it to whole numbers.
            lines.Add(parameter.Default switch
            {
                StringListDefault => $"var {local} = context.GetStringList({name}, {DefaultField(parameter)});",
                NumberDefault number => $"var {local} = context.GetNumber({name}, {CSharpText.Literal(number.Value)});",
                IntegerDefault integer => $"var {local} = context.GetNumber({name}, {CSharpText.Literal((double)integer.Value)});",
                BooleanDefault boolean => $"var {local} = context.GetBoolean({name}, {(boolean.Value ? "true" : "false")});",
                _ => $"var {local} = context.GetString({name}, {CSharpText.Literal(parameter.Default.Text)});",
            });
        }

        // The context path is evaluated from the root element, so "devices/disk" reads naturally; each of its steps is a
        // loop (or an if), and the lets, the test and the report run in the innermost one.
        lines.Add("XObject root = context.Root;");
        var loop = new CodeBlock();
        expressions.LinePath = LinePath(rulePath);
        void MapTo(int line)
        {
            expressions.CurrentLine = line;
            loop.Mapping = expressions.LineDirective(line);
            if (loop.Mapping is null) loop.Directive("#line hidden");
        }

        MapTo(check.ContextLine);
        expressions.Slots = check.Slots;
        expressions.EmitLoops(check.Context, "root", loop, node =>
        {
            // Values the check repeats under a short-circuit or in its message: computed on first use, at most once per node.
            foreach (var slot in check.Slots.Where(s => s.Timing == SlotTiming.Lazy))
                loop.Line($"{ExpressionEmitter.LazyType(slot.Value.Type)} {expressions.SlotLocal(slot.Index)} = null;");
            var filters = 0;
            foreach (var slot in check.Slots.Where(s => s.Timing == SlotTiming.Eager))
            {
                MapTo(slot.LetName is null && !slot.IsFilter ? check.TestLine : slot.Line);
                var value = slot.Value.Type == ValueType.NodeSet ? expressions.List(slot.Value, node) : expressions.Emit(slot.Value, node);
                if (slot.IsFilter)
                {
                    // A predicate of the context path's last step (no slot reads it): the rest runs for the nodes it keeps.
                    loop.Open($"if ({value})");
                    filters++;
                    continue;
                }

                loop.Line($"var {expressions.SlotLocal(slot.Index)} = {value};");
            }

            MapTo(check.TestLine);
            var test = expressions.Emit(check.Test, node);
            loop.Open(check.IsAssert ? $"if (!{Parenthesize(test)})" : $"if ({test})");
            expressions.CurrentLine = check.LocationLine;
            var location = check.Location is null ? node : $"Xp.FirstOr({expressions.First(check.Location, node)}, {node})";
            MapTo(check.Message.Line);
            EmitReport(check, location, expressions, node, loop);
            loop.Close();
            for (var i = 0; i < filters; i++) loop.Close();
        });
        loop.Mapping = null;
        loop.Directive("#line hidden");

        AddLoopAndItsSetUp(lines, expressions, loop, mapped: true);
        lines.Add("#line default");
        return lines;
    }

    /// <summary>The cached names and patterns an emitter's expressions use, as static fields.</summary>
    private static void EmitExpressionFields(IndentedWriter w, ExpressionEmitter expressions)
    {
        foreach (var name in expressions.Names)
            w.Line($"private static readonly XName {name.Key} = {CSharpText.Literal(name.Value)};");
        for (var i = 0; i < expressions.Patterns.Count; i++)
            w.Line($"private static readonly Regex Pattern{i} = Xp.Pattern({CSharpText.Literal(expressions.Patterns[i])});");
    }

    /// <summary>
    /// The statements of an emitted loop in order: values computed once per document, indexes and list parameters as
    /// sets (known once every expression is emitted, so they go just before the loop), the loop, and the local
    /// functions it reads node-sets with.
    /// </summary>
    /// <param name="mapped">Whether the loop carries <c>#line</c> directives; its local functions' headers are then hidden plumbing.</param>
    private static void AddLoopAndItsSetUp(List<string> lines, ExpressionEmitter expressions, CodeBlock loop, bool mapped)
    {
        foreach (var set in expressions.Sets) lines.Add($"var {set.Key} = Xp.StringSet({set.Value});");
        lines.AddRange(expressions.Declarations);
        lines.AddRange(loop.Lines);
        foreach (var function in expressions.Functions)
        {
            lines.Add("");
            // The header and braces are plumbing; the function's statements carry their own directives.
            if (mapped) lines.Add("#line hidden");
            lines.AddRange(function.Lines);
        }
    }

    /// <summary>The rule file's path for <c>#line</c>: '.' and '..' segments resolved (MSBuild passes <c>project/../../rules/…</c>), no quotes.</summary>
    private static string LinePath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Replace("\"", "").Split('/'))
        {
            if (segment == "." || (segment.Length == 0 && segments.Count > 0)) continue;
            if (segment == ".." && segments.Count > 1 && segments[segments.Count - 1] != "..") segments.RemoveAt(segments.Count - 1);
            else segments.Add(segment);
        }

        return string.Join("/", segments);
    }

    private static string EmitMessage(MessageTemplate message, ExpressionEmitter expressions, string context)
    {
        var parts = message.Parts.Select(p => p.Expression is null ? CSharpText.Literal(p.Text) : expressions.Emit(p.Expression, context)).ToList();
        return parts.Count switch
        {
            0 => "\"\"",
            1 => parts[0],
            _ => $"string.Concat({string.Join(", ", parts)})",
        };
    }

    private static void EmitDescriptor(IndentedWriter w, RuleSpec rule)
    {
        w.Line("public static readonly RuleDescriptor Rule = new(");
        w.Line($"    Id: {CSharpText.Literal(rule.Id)},");
        w.Line($"    Name: {CSharpText.Literal(rule.Name)},");
        w.Line($"    Title: {CSharpText.Literal(rule.Title)},");
        w.Line($"    DefaultSeverity: Severity.{CSharpText.Pascal(rule.Severity.NameOf())},");
        w.Line($"    Category: {CSharpText.Literal(rule.Category.NameOf())},");
        w.Line($"    Tags: new string[] {{ {string.Join(", ", rule.Tags.Select(CSharpText.Literal))} }},");
        w.Line($"    Target: {CSharpText.Literal(rule.Target.NameOf())},");
        w.Line($"    Precision: {CSharpText.Literal(rule.Precision.NameOf())},");
        w.Line($"    SecuritySeverity: {CSharpText.Literal(RuleFileFields.SecuritySeverityText(rule.SecuritySeverity))},");
        w.Line($"    MessageTemplate: {CSharpText.Literal(rule.Message.Source)},");
        w.Line("    Docs: new RuleDocs(");
        w.Line($"        WhatItDoes: {CSharpText.Literal(rule.Docs.WhatItDoes)},");
        w.Line($"        WhyIsThisBad: {CSharpText.Literal(rule.Docs.WhyIsThisBad)},");
        w.Line($"        Example: {CSharpText.Literal(rule.Docs.Example)},");
        w.Line($"        UseInstead: {CSharpText.Literal(rule.Docs.UseInstead)},");
        w.Line($"        References: new string[] {{ {string.Join(", ", rule.Docs.References.Select(CSharpText.Literal))} }}),");
        var parameters = rule.Parameters.Select(p =>
            $"new RuleParameter({CSharpText.Literal(p.Name)}, {CSharpText.Literal(p.DeclaredType.NameOf())}, {CSharpText.Literal(p.Default.Text)}, {CSharpText.Literal(p.Description)})");
        w.Line($"    Parameters: new RuleParameter[] {{ {string.Join(", ", parameters)} }},");
        if (rule.Scope is null)
        {
            w.Line($"    SourceFile: {CSharpText.Literal(rule.SourcePath)});");
            return;
        }

        w.Line($"    SourceFile: {CSharpText.Literal(rule.SourcePath)},");
        w.Line($"    Scope: new RuleScope({StringArray(rule.Scope.Hypervisors)}, {StringArray(rule.Scope.Architectures)}, {StringArray(rule.Scope.Machines)}));");
    }


    private static string DefaultField(ParamSpec parameter) => CSharpText.Identifier("Default_", parameter.Name);

    private static string Parenthesize(string expression) => expression.StartsWith("(", System.StringComparison.Ordinal) && expression.EndsWith(")", System.StringComparison.Ordinal) ? expression : $"({expression})";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void Header(IndentedWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("#nullable enable");
        w.Line();
    }

    /// <summary>The registry: every descriptor and one instance of every checker, ordered by id. Reports duplicate ids and names.</summary>
    private static void EmitRegistry(SourceProductionContext output, ImmutableArray<RegistryEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Id, System.StringComparer.Ordinal).ThenBy(e => e.IdLocation.Path, System.StringComparer.Ordinal).ToList();
        // Rules sharing an id are all left out: which of their classes was emitted depends on output order.
        var duplicated = new HashSet<string>(ordered.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key), System.StringComparer.Ordinal);
        var unique = new List<RegistryEntry>();
        var ids = new Dictionary<string, RegistryEntry>(System.StringComparer.Ordinal);
        var names = new Dictionary<string, RegistryEntry>(System.StringComparer.Ordinal);
        foreach (var entry in ordered)
        {
            if (ids.TryGetValue(entry.Id, out var first))
            {
                Report(output, entry.IdLocation with { Id = RuleLanguage.Diagnostics.DiagnosticIds.DuplicateId, Message = $"rule id '{entry.Id}' is already used by {RelativeRulePath(first.IdLocation.Path)}; ids are never reused" });
                continue;
            }

            if (names.TryGetValue(entry.Name, out var sameName))
            {
                Report(output, entry.NameLocation with { Id = RuleLanguage.Diagnostics.DiagnosticIds.DuplicateName, Message = $"rule name '{entry.Name}' is already used by {sameName.Id} ({RelativeRulePath(sameName.NameLocation.Path)})" });
                continue;
            }

            ids[entry.Id] = entry;
            names[entry.Name] = entry;
            if (!duplicated.Contains(entry.Id)) unique.Add(entry);
        }

        output.AddSource("BuiltInRules.g.cs", EmitRegistrySource(unique));
    }

    internal static string EmitRegistrySource(IReadOnlyList<RegistryEntry> entries)
    {
        var w = new IndentedWriter();
        Header(w);
        w.Line("using System.Collections.Generic;");
        w.Line("using VirtLint.Core;");
        w.Line($"using {GeneratedNamespace};");
        w.Line();
        w.Line("namespace VirtLint.Rules;");
        w.Line();
        w.Line(GeneratedCodeAttribute);
        w.Open("public static partial class BuiltInRules");
        w.Line("/// <summary>Every built-in rule, ordered by id.</summary>");
        w.Open("public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = new RuleDescriptor[]");
        foreach (var entry in entries) w.Line($"{entry.ClassName}.Rule,");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>One checker per rule that has a check, ordered by id.</summary>");
        w.Open("public static IReadOnlyList<RuleChecker> Checkers { get; } = new RuleChecker[]");
        foreach (var entry in entries.Where(e => e.HasChecker)) w.Line($"new {entry.ClassName}(),");
        w.Close(";");
        w.Close();
        return w.ToString();
    }
}
