using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// Unions in document order by construction: <c>on_poweroff | on_reboot | on_crash</c>, <c>a/x | a/y[@p]</c> or
/// <c>devices/hub/address | devices/input[@bus]/address</c>, whose operands differ only in the name (and predicates)
/// of one child step (or a last attribute step) from the same nodes, become one path whose differing step is a
/// <see cref="NodeTest.NameChoice"/>. One pass over each node's children (or attributes) keeps those matching a name
/// and its predicates, in document order without sorting, and selects the same nodes as the union. The nodes the step
/// starts from must not contain one another (the context node, the document, or child steps from either), or the
/// children of an outer node could follow an inner node's; after it come only child steps (and a last attribute
/// step), so every result node has one chosen ancestor and the order holds.
/// </summary>
public static class UnionFusion
{
    /// <summary>The fused path with its parts lowered by <paramref name="lower"/>, or null when the union cannot be fused.</summary>
    public static PathExpr? TryFuse(UnionExpr union, Func<Expr, Expr> lower)
    {
        var operands = new List<PathExpr>();
        if (!Flatten(union, operands)) return null;
        var first = operands[0];
        if (first.Origin is not (PathOrigin.Context or PathOrigin.Document) || first.Steps.Count == 0) return null;
        foreach (var operand in operands)
            if (operand.Origin != first.Origin || operand.Source is not null || operand.Steps.Count != first.Steps.Count) return null;

        // The one step where the operands differ; the last when they differ nowhere (a | a).
        var at = -1;
        for (var i = 0; i < first.Steps.Count; i++)
        {
            if (operands.All(o => o.Steps[i].Equals(first.Steps[i]))) continue;
            if (at >= 0) return null;
            at = i;
        }

        if (at < 0) at = first.Steps.Count - 1;
        var last = first.Steps.Count - 1;
        for (var i = 0; i < first.Steps.Count; i++)
        {
            var step = first.Steps[i];
            // Before the choice, nodes that do not contain one another; after it, their children (or, last, attributes):
            // each node of the result has one parent, so one chosen node, and the result stays in document order.
            if (i != at && !(IsFlatStep(step) || (i == last && i > at && step.Axis == Axis.Attribute))) return null;
        }

        var axis = first.Steps[at].Axis;
        if (axis is not (Axis.Child or Axis.Attribute) || (axis == Axis.Attribute && at != last)) return null;
        var choices = new List<StepChoice>();
        foreach (var operand in operands)
        {
            var step = operand.Steps[at];
            if (step.Axis != axis || step.Test != NodeTest.Name) return null;
            var same = choices.FindIndex(c => c.Name == step.Name);
            if (same < 0) choices.Add(new StepChoice(step.Name, step.Predicates));
            // The same name twice selects a node when either operand's predicates hold: not one choice per node.
            else if (!choices[same].Predicates.Equals(step.Predicates)) return null;
        }

        var steps = first.Steps
            .Select(s => s.Predicates.Count == 0 ? s : s with { Predicates = new EquatableArray<Expr>(s.Predicates.Select(lower)) })
            .ToList();
        var lowered = choices.Select(c => c.Predicates.Count == 0 ? c : c with { Predicates = new EquatableArray<Expr>(c.Predicates.Select(lower)) });
        steps[at] = new Step(axis, NodeTest.NameChoice, "", EquatableArray<Expr>.Empty) { Choices = new EquatableArray<StepChoice>(lowered) };
        return new PathExpr(first.Origin, null, new EquatableArray<Step>(steps));
    }

    /// <summary>
    /// The union of one path per choice, for a back end that reads a node-set through helpers rather than loops: the
    /// same nodes, sorted into document order by the union helper.
    /// </summary>
    public static Expr Unfuse(PathExpr path)
    {
        var index = -1;
        for (var i = 0; i < path.Steps.Count; i++)
            if (path.Steps[i].Test == NodeTest.NameChoice) index = i;
        if (index < 0) return path;
        var step = path.Steps[index];
        Expr? union = null;
        foreach (var choice in step.Choices)
        {
            var steps = path.Steps.ToArray();
            steps[index] = new Step(step.Axis, NodeTest.Name, choice.Name, choice.Predicates);
            Expr operand = path with { Steps = new EquatableArray<Step>(steps) };
            union = union is null ? operand : new UnionExpr(union, operand);
        }

        return union!;
    }

    /// <summary>The operands of nested unions, in order; false when one is not a location path.</summary>
    private static bool Flatten(Expr expr, List<PathExpr> operands)
    {
        switch (expr)
        {
            case UnionExpr union:
                return Flatten(union.Left, operands) && Flatten(union.Right, operands);
            case PathExpr path:
                operands.Add(path);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A step whose nodes, from nodes that do not contain one another, do not contain one another either.</summary>
    private static bool IsFlatStep(Step step) =>
        step.Axis == Axis.Child || step.IsNoOp;
}
