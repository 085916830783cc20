using System.Collections.Generic;
using System.Linq;
using VirtLint.Generators.Model;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.Generators;

/// <summary>The parts of a checker only cross-document rules have: the facts each document contributes, and related nodes.</summary>
public sealed partial class RuleGenerator
{
    private const string WorkspaceTarget = "workspace";

    /// <summary>The report statement(s): with related nodes, each with its message evaluated on it.</summary>
    private static List<string> EmitReport(RuleSpec rule, string location, ExpressionEmitter expressions)
    {
        var message = EmitMessage(rule.Message, expressions);
        if (rule.Related is not { } related) return new List<string> { $"context.Report({location}, {message});" };
        return new List<string>
        {
            "var related = new List<RelatedNode>();",
            $"foreach (var r0 in {expressions.Emit(related.Nodes, "n0")})",
            $"    related.Add(new RelatedNode(r0, {EmitMessage(related.Message, expressions, "r0")}));",
            $"context.Report({location}, {message}, related);",
        };
    }

    /// <summary>
    /// The kinds the rule takes facts from and requires, and <c>CollectFacts</c>: per kind, a nested class whose
    /// expressions (names, patterns, values computed once) are its own.
    /// </summary>
    private static void EmitWorkspaceMembers(IndentedWriter w, RuleSpec rule)
    {
        var kinds = rule.Facts.Select(f => f.Kind).Distinct().ToList();
        w.Line($"public override IReadOnlyList<DocumentKind> FactKinds {{ get; }} = new DocumentKind[] {{ {string.Join(", ", kinds.Select(Kind))} }};");
        w.Line();
        w.Line($"public override IReadOnlyList<DocumentKind> Requires {{ get; }} = new DocumentKind[] {{ {string.Join(", ", rule.Requires.Select(Kind))} }};");
        w.Line();
        w.Open("public override void CollectFacts(global::VirtLint.Core.Workspace.FactContext context)");
        foreach (var kind in kinds)
            w.Line($"if (context.Document.Kind == {Kind(kind)}) {FactsClass(kind)}.Collect(context);");
        w.Close();
        foreach (var kind in kinds)
        {
            w.Line();
            EmitFactsClass(w, kind, rule.Facts.Where(f => f.Kind == kind).ToList());
        }
    }

    private static void EmitFactsClass(IndentedWriter w, string kind, List<FactSpec> facts)
    {
        var expressions = new ExpressionEmitter();
        var body = new List<string> { $"XObject {ExpressionEmitter.RootVariable} = context.Root;" };
        var loops = new List<string>();
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            loops.Add($"foreach (var n0 in {expressions.Emit(fact.Each, ExpressionEmitter.RootVariable)})");
            loops.Add("{");
            var values = fact.Values.Select(v => expressions.Emit(v.Value, "n0"));
            loops.Add($"    context.Add(Fact{i}, n0, Fact{i}Values, new string[] {{ {string.Join(", ", values)} }});");
            loops.Add("}");
        }

        body.AddRange(expressions.Declarations);
        body.AddRange(loops);

        w.Line($"/// <summary>The facts of a {kind} document.</summary>");
        w.Open($"private static class {FactsClass(kind)}");
        foreach (var name in expressions.Names)
            w.Line($"private static readonly XName {name.Key} = {CSharpText.Literal(name.Value)};");
        for (var i = 0; i < expressions.Patterns.Count; i++)
            w.Line($"private static readonly Regex Pattern{i} = Xp.Pattern({CSharpText.Literal(expressions.Patterns[i])});");
        for (var i = 0; i < facts.Count; i++)
        {
            w.Line($"private static readonly XName Fact{i} = {CSharpText.Literal(facts[i].Element)};");
            w.Line($"private static readonly XName[] Fact{i}Values = {{ {string.Join(", ", facts[i].Values.Select(v => CSharpText.Literal(v.Name)))} }};");
        }

        w.Line();
        w.Open("public static void Collect(global::VirtLint.Core.Workspace.FactContext context)");
        foreach (var line in body) w.Line(line);
        w.Close();
        w.Close();
    }

    private static string FactsClass(string kind) => "Facts" + CSharpText.Pascal(kind);

    private static string Kind(string kind) => "DocumentKind." + CSharpText.Pascal(kind);
}
