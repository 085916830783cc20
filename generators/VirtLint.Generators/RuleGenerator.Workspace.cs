using System.Collections.Generic;
using System.Linq;
using VirtLint.Generators.Model;
using VirtLint.RuleLanguage.Model;
using VirtLint.RuleLanguage.Plan;

namespace VirtLint.Generators;

/// <summary>The parts of a checker only cross-document rules have: the facts each document contributes, and related nodes.</summary>
public sealed partial class RuleGenerator
{
    /// <summary>The report statement: with related nodes, each with its message evaluated on it.</summary>
    private static void EmitReport(CheckPlan check, string location, ExpressionEmitter expressions, string node, CodeBlock loop)
    {
        var message = EmitMessage(check.Message, expressions, node);
        if (check.Related is not { } related)
        {
            loop.Line($"context.Report({location}, {message});");
            return;
        }

        loop.Line("var related = new List<RelatedNode>();");
        loop.Open($"foreach (var relatedNode in {expressions.List(related.Nodes, node)})");
        loop.Line($"related.Add(new RelatedNode(relatedNode, {EmitMessage(related.Message, expressions, "relatedNode")}));");
        loop.Close();
        loop.Line($"context.Report({location}, {message}, related);");
    }

    /// <summary>
    /// The kinds the rule takes facts from and requires, and <c>CollectFacts</c>: per kind, a nested class whose
    /// expressions (names, patterns, values computed once) are its own.
    /// </summary>
    private static void EmitWorkspaceMembers(IndentedWriter w, RulePlan plan)
    {
        var rule = plan.Rule;
        var kinds = plan.Facts.Select(f => f.Kind).Distinct().ToList();
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
            EmitFactsClass(w, kind, plan.Facts.Where(f => f.Kind == kind).ToList());
        }
    }

    private static void EmitFactsClass(IndentedWriter w, string kind, List<FactSpec> facts)
    {
        var expressions = new ExpressionEmitter();
        var loop = new CodeBlock();
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var index = i;
            // Each fact's path from the root element is loops, as a check's context is; its values are read on each node.
            expressions.EmitLoops(fact.Each, ExpressionEmitter.RootVariable, loop, node =>
            {
                var values = fact.Values.Select(v => expressions.Emit(v.Value, node));
                loop.Line($"context.Add(Fact{index}, {node}, Fact{index}Values, new string[] {{ {string.Join(", ", values)} }});");
            });
        }

        // Fact expressions are not mapped to rule-file lines.
        var body = new List<string> { $"XObject {ExpressionEmitter.RootVariable} = context.Root;" };
        AddLoopAndItsSetUp(body, expressions, loop, mapped: false);

        w.Line($"/// <summary>The facts of a {kind} document.</summary>");
        w.Open($"private static class {FactsClass(kind)}");
        EmitExpressionFields(w, expressions);
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
