using System;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// The parts of an expression evaluated on the same context node as the expression itself: not predicates (their
/// step's node), nor an indexed look-up's node-set and per-node arguments (the indexed nodes), nor a value computed
/// once per document (the root element). Sharing a value is only sound within one context node.
/// </summary>
internal static class PlanWalk
{
    /// <summary>Rebuilds <paramref name="expr"/> with <paramref name="map"/> applied top-down to its same-context parts; a non-null result replaces the part.</summary>
    public static Expr Rewrite(Expr expr, Func<Expr, bool, Expr?> map, bool conditional = false)
    {
        if (map(expr, conditional) is { } replaced) return replaced;
        switch (expr)
        {
            case FunctionCall call:
                var perNode = FunctionTable.TryGet(call.Function, out var signature) && signature.PerNodeArguments.Length > 0;
                return call with
                {
                    Arguments = new EquatableArray<Expr>(call.Arguments.Select((a, i) =>
                        perNode && (i == 0 || signature.IsPerNodeArgument(i)) ? a : Rewrite(a, map, conditional || (call.Function == "if" && i > 0)))),
                };
            case BinaryExpr binary:
                var shortCircuit = binary.Operator is BinaryOperator.And or BinaryOperator.Or;
                return binary with { Left = Rewrite(binary.Left, map, conditional), Right = Rewrite(binary.Right, map, conditional || shortCircuit) };
            case ComparisonExpr comparison:
                return comparison with { Left = Rewrite(comparison.Left, map, conditional), Right = Rewrite(comparison.Right, map, conditional) };
            case NegateExpr negate:
                return negate with { Operand = Rewrite(negate.Operand, map, conditional) };
            case UnionExpr union:
                return union with { Left = Rewrite(union.Left, map, conditional), Right = Rewrite(union.Right, map, conditional) };
            case PathExpr { Source: not null } path:
                return path with { Source = Rewrite(path.Source, map, conditional) };
            case FilterExpr filter:
                return filter with { Source = Rewrite(filter.Source, map, conditional) };
            default:
                return expr;
        }
    }

    /// <summary>Visits the same-context parts of <paramref name="expr"/> top-down, with whether each is evaluated only in some branches.</summary>
    public static void Visit(Expr expr, Action<Expr, bool> visit, bool conditional = false) =>
        Rewrite(expr, (e, c) =>
        {
            visit(e, c);
            return null;
        }, conditional);

    /// <summary>Rebuilds an expression with every <see cref="SlotRef"/> anywhere in it (predicates included) mapped.</summary>
    public static Expr RenumberSlots(Expr expr, Func<int, int> slot) => expr switch
    {
        SlotRef s => s with { Slot = slot(s.Slot) },
        FunctionCall call => call with { Arguments = All(call.Arguments, slot) },
        BinaryExpr binary => binary with { Left = RenumberSlots(binary.Left, slot), Right = RenumberSlots(binary.Right, slot) },
        ComparisonExpr comparison => comparison with { Left = RenumberSlots(comparison.Left, slot), Right = RenumberSlots(comparison.Right, slot) },
        NegateExpr negate => negate with { Operand = RenumberSlots(negate.Operand, slot) },
        UnionExpr union => union with { Left = RenumberSlots(union.Left, slot), Right = RenumberSlots(union.Right, slot) },
        PathExpr path => path with
        {
            Source = path.Source is null ? null : RenumberSlots(path.Source, slot),
            Steps = new EquatableArray<Step>(path.Steps.Select(s => s with
            {
                Predicates = All(s.Predicates, slot),
                Choices = new EquatableArray<StepChoice>(s.Choices.Select(c => c with { Predicates = All(c.Predicates, slot) })),
            })),
        },
        FilterExpr filter => filter with { Source = RenumberSlots(filter.Source, slot), Predicates = All(filter.Predicates, slot) },
        OnceExpr once => once with { Value = RenumberSlots(once.Value, slot) },
        _ => expr,
    };

    private static EquatableArray<Expr> All(EquatableArray<Expr> expressions, Func<int, int> slot) => new(expressions.Select(e => RenumberSlots(e, slot)));

    /// <summary>The number of nodes of an expression's tree, to share the largest repeated values first.</summary>
    public static int Size(Expr expr)
    {
        var size = 0;
        Visit(expr, (_, _) => size++);
        return size;
    }
}
