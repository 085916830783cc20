using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// Unions in document order by construction: <c>on_poweroff | on_reboot | on_crash</c> or <c>a/x | a/y[@p]</c>, whose
/// operands differ only in the name (and predicates) of a last child or attribute step from the same nodes, become
/// one path whose last step is a <see cref="NodeTest.NameChoice"/>. One pass over each node's children (or
/// attributes) keeps those matching a name and its predicates, in document order without sorting, and selects the
/// same nodes as the union. The nodes the step starts from must not contain one another (the context node, the
/// document, or child steps from either), or the children of an outer node could follow an inner node's.
/// </summary>
public static class UnionFusion
{
    /// <summary>The fused path with its parts lowered by <paramref name="lower"/>, or null when the union cannot be fused.</summary>
    public static PathExpr? TryFuse(UnionExpr union, Func<Expr, Expr> lower)
    {
        var operands = new List<Expr>();
        Flatten(union, operands);
        if (operands[0] is not PathExpr { Origin: PathOrigin.Context or PathOrigin.Document, Steps.Count: > 0 } first) return null;
        var prefixCount = first.Steps.Count - 1;
        var last = first.Steps[prefixCount];
        if (last.Axis is not (Axis.Child or Axis.Attribute)) return null;
        for (var i = 0; i < prefixCount; i++)
            if (!IsFlatStep(first.Steps[i])) return null;

        var choices = new List<StepChoice>();
        foreach (var operand in operands)
        {
            if (operand is not PathExpr path || path.Origin != first.Origin || path.Source is not null || path.Steps.Count != first.Steps.Count) return null;
            for (var i = 0; i < prefixCount; i++)
                if (!path.Steps[i].Equals(first.Steps[i])) return null;
            var step = path.Steps[prefixCount];
            if (step.Axis != last.Axis || step.Test != NodeTest.Name) return null;
            var same = choices.FindIndex(c => c.Name == step.Name);
            if (same < 0) choices.Add(new StepChoice(step.Name, step.Predicates));
            // The same name twice selects a node when either operand's predicates hold: not one choice per node.
            else if (!choices[same].Predicates.Equals(step.Predicates)) return null;
        }

        var steps = first.Steps.Take(prefixCount)
            .Select(s => s.Predicates.Count == 0 ? s : s with { Predicates = new EquatableArray<Expr>(s.Predicates.Select(lower)) })
            .ToList();
        var lowered = choices.Select(c => c.Predicates.Count == 0 ? c : c with { Predicates = new EquatableArray<Expr>(c.Predicates.Select(lower)) });
        steps.Add(new Step(last.Axis, NodeTest.NameChoice, "", EquatableArray<Expr>.Empty) { Choices = new EquatableArray<StepChoice>(lowered) });
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

    private static void Flatten(Expr expr, List<Expr> operands)
    {
        if (expr is UnionExpr union)
        {
            Flatten(union.Left, operands);
            Flatten(union.Right, operands);
        }
        else
        {
            operands.Add(expr);
        }
    }

    /// <summary>A step whose nodes, from nodes that do not contain one another, do not contain one another either.</summary>
    private static bool IsFlatStep(Step step) =>
        step.Axis == Axis.Child || (step.Axis == Axis.Self && step.Test == NodeTest.AnyNode && step.Predicates.Count == 0);
}
