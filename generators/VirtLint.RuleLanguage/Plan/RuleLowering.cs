using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// Turns a parsed rule into the <see cref="RulePlan"/> both back ends execute: <c>let</c> references become slots,
/// values the same for a whole document are marked to be computed once (<see cref="OnceExpr"/>), comparisons are
/// resolved to their kind, unions of child or attribute steps from the same nodes are fused into one step
/// (<see cref="UnionFusion"/>), and subexpressions a check repeats are computed once per context node
/// (<see cref="SharedValues"/>).
/// </summary>
public static class RuleLowering
{
    public static RulePlan Lower(RuleSpec rule)
    {
        var lowering = new Lowering();
        var facts = new EquatableArray<FactSpec>(rule.Facts.Select(f =>
            f with
            {
                Each = lowering.Lower(f.Each),
                Values = new EquatableArray<FactValueSpec>(f.Values.Select(v => v with { Value = lowering.Lower(v.Value) })),
            }));
        var metadata = rule with
        {
            Check = null,
            Facts = EquatableArray<FactSpec>.Empty,
            Related = null,
            Message = rule.Message with { Parts = EquatableArray<MessagePart>.Empty },
        };
        return new RulePlan(metadata, rule.Check is null ? null : lowering.LowerCheck(rule), facts);
    }

    private sealed class Lowering
    {
        private readonly Dictionary<string, (int Slot, ValueType Type)> _lets = new(System.StringComparer.Ordinal);
        private readonly Dictionary<Expr, int> _once = new();

        public CheckPlan LowerCheck(RuleSpec rule)
        {
            var check = rule.Check!;
            var (context, filters) = SplitFilters(check.Context);
            for (var i = 0; i < check.Lets.Count; i++) _lets[check.Lets[i].Name] = (filters.Count + i, check.Lets[i].Value.Type);
            var slots = filters.Select((f, i) => new PlanSlot(i, null, Lower(f), SlotTiming.Eager) { Line = check.ContextLine, IsFilter = true })
                .Concat(check.Lets.Select((let, i) => new PlanSlot(filters.Count + i, let.Name, Lower(let.Value), SlotTiming.Eager) { Line = let.Line }))
                .ToList();
            var lowered = Lower(context);
            var plan = new CheckPlan(
                lowered,
                new EquatableArray<PlanSlot>(slots),
                Lower(check.Test),
                check.IsAssert,
                check.Location is null ? null : Lower(check.Location),
                LowerMessage(rule.Message),
                rule.Related is { } related ? new RelatedSpec(Lower(related.Nodes), LowerMessage(related.Message)) : null)
            {
                ContextLine = check.ContextLine,
                TestLine = check.TestLine,
                LocationLine = check.LocationLine,
                Requirements = RequiredNodes.Of(check),
            };
            return SharedValues.Share(plan);
        }

        /// <summary>
        /// The predicates of the context path's last step (or of a filtered context), which are evaluated on the
        /// context node itself: as filters of the check they share what they compute with its lets and test.
        /// </summary>
        private static (Expr Context, List<Expr> Filters) SplitFilters(Expr context) => context switch
        {
            PathExpr { Steps.Count: > 0 } path when path.Steps[path.Steps.Count - 1].Predicates.Count > 0 => (
                path with
                {
                    Steps = new EquatableArray<Step>(path.Steps.Take(path.Steps.Count - 1)
                        .Append(path.Steps[path.Steps.Count - 1] with { Predicates = EquatableArray<Expr>.Empty })),
                },
                path.Steps[path.Steps.Count - 1].Predicates.ToList()),
            FilterExpr filter => (filter.Source, filter.Predicates.ToList()),
            _ => (context, new List<Expr>()),
        };

        private MessageTemplate LowerMessage(MessageTemplate message) =>
            message with { Parts = new EquatableArray<MessagePart>(message.Parts.Select(p => p.Expression is null ? p : p with { Expression = Lower(p.Expression) })) };

        public Expr Lower(Expr expr) => Lower(expr, inOnce: false);

        private Expr Lower(Expr expr, bool inOnce)
        {
            if (!inOnce && IsWorthComputingOnce(expr))
            {
                if (!_once.TryGetValue(expr, out var index)) _once[expr] = index = _once.Count;
                return new OnceExpr(index, Lower(expr, inOnce: true));
            }

            switch (expr)
            {
                case VariableRef { Kind: VariableKind.Let } let:
                    var (slot, type) = _lets[let.Name];
                    return new SlotRef(slot, type);
                case FunctionCall call:
                    return call with { Arguments = LowerAll(call.Arguments, inOnce) };
                case BinaryExpr binary when binary.Operator is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual:
                    return Comparisons.Resolve(binary.Operator, Lower(binary.Left, inOnce), Lower(binary.Right, inOnce));
                case BinaryExpr binary:
                    return binary with { Left = Lower(binary.Left, inOnce), Right = Lower(binary.Right, inOnce) };
                case NegateExpr negate:
                    return negate with { Operand = Lower(negate.Operand, inOnce) };
                case UnionExpr union:
                    return (Expr?)UnionFusion.TryFuse(union, e => Lower(e, inOnce)) ?? new UnionExpr(Lower(union.Left, inOnce), Lower(union.Right, inOnce));
                case PathExpr path:
                    return path with
                    {
                        Source = path.Source is null ? null : Lower(path.Source, inOnce),
                        Steps = new EquatableArray<Step>(path.Steps.Select(s => s.Predicates.Count == 0 ? s : s with { Predicates = LowerAll(s.Predicates, inOnce) })),
                    };
                case FilterExpr filter:
                    return filter with { Source = Lower(filter.Source, inOnce), Predicates = LowerAll(filter.Predicates, inOnce) };
                default:
                    return expr;
            }
        }

        private EquatableArray<Expr> LowerAll(EquatableArray<Expr> expressions, bool inOnce) =>
            new(expressions.Select(e => Lower(e, inOnce)));

        /// <summary>
        /// A number, string or boolean that reads the document through absolute paths only (such as
        /// <c>count(/domain/iothreadids/iothread)</c>): once per context node, it would cost the size of the document for every node.
        /// </summary>
        private static bool IsWorthComputingOnce(Expr expr) =>
            expr.Type is ValueType.String or ValueType.Number or ValueType.Boolean
            && expr is not (StringLiteral or NumberLiteral or VariableRef)
            && ContextIndependence.ReadsDocument(expr)
            && ContextIndependence.IsContextFree(expr);
    }
}
