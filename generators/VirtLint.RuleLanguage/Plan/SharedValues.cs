using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// Identical subexpressions of one check, evaluated on the same context node, computed at most once per node:
/// <list type="bullet">
/// <item>a part equal to an earlier <c>let</c>'s value (the same path in a let and in the test) reads the let;</item>
/// <item>a number, string or boolean the check repeats becomes a slot of its own: eager (computed before the first
/// binding reading it) when that binding always reads it, lazy (on first use) when its first reader is under a
/// short-circuit (<c>and</c>, <c>or</c>, <c>if</c>), is the finding's message, location or related nodes, or is another
/// repeated value.</item>
/// </list>
/// Node-set parts are shared only through lets: materialising a repeated path would cost a list where the back ends
/// loop over it without one; values inside a node-set expression (such as an indexed look-up's key) stay where they are.
/// A <c>let</c> is computed before the test when the test, or such a let after it, reads it; a number, string or
/// boolean read only by the finding (the sizes a message quotes, say) is computed on its first read (lazy), and costs
/// nothing on the nodes that are not reported. A let read inside a node-set expression stays eager (see
/// <see cref="ReadInsideNodeSets"/>). Lets the test reads keep their own statements, which a debugger steps through.
/// </summary>
internal static class SharedValues
{
    private sealed class Work
    {
        public readonly List<PlanSlot> Slots = new();
        public Expr Test = null!;
        public Expr? Location;
        public List<MessagePart> Message = new();
        public Expr? RelatedNodes;

        /// <summary>Every same-context root in evaluation order: slot values (lets in order), the test, then the finding's parts.</summary>
        public IEnumerable<Expr> Roots()
        {
            foreach (var slot in Slots) yield return slot.Value;
            yield return Test;
            if (Location is not null) yield return Location;
            foreach (var part in Message)
                if (part.Expression is not null) yield return part.Expression;
            if (RelatedNodes is not null) yield return RelatedNodes;
        }

        public void ReplaceEverywhere(System.Func<Expr, Expr> rewrite, int fromSlot = 0)
        {
            for (var i = fromSlot; i < Slots.Count; i++) Slots[i] = Slots[i] with { Value = rewrite(Slots[i].Value) };
            Test = rewrite(Test);
            if (Location is not null) Location = rewrite(Location);
            Message = Message.Select(p => p.Expression is null ? p : p with { Expression = rewrite(p.Expression) }).ToList();
            if (RelatedNodes is not null) RelatedNodes = rewrite(RelatedNodes);
        }
    }

    public static CheckPlan Share(CheckPlan plan)
    {
        var work = new Work { Test = plan.Test, Location = plan.Location, Message = plan.Message.Parts.ToList(), RelatedNodes = plan.Related?.Nodes };
        work.Slots.AddRange(plan.Slots);
        var lets = work.Slots.Count;

        // Parts equal to a let's value read the let; a later let's value may too.
        for (var i = 0; i < lets; i++)
        {
            var value = work.Slots[i].Value;
            // A filter is read by nothing: a part equal to it is shared as a value of its own below.
            if (work.Slots[i].LetName is null || !IsComputed(value)) continue;
            var slot = new SlotRef(i, value.Type);
            work.ReplaceEverywhere(e => PlanWalk.Rewrite(e, (part, _) => part.Equals(value) ? slot : null), i + 1);
        }

        // Repeated numbers, strings and booleans, the largest first (its parts then occur once less).
        while (LargestRepeated(work) is { } repeated)
        {
            var slot = new SlotRef(work.Slots.Count, repeated.Type);
            work.ReplaceEverywhere(e => ScalarParts(e, part => part.Equals(repeated) ? slot : null));
            work.Slots.Add(new PlanSlot(slot.Slot, null, repeated, SlotTiming.Lazy));
        }

        MakeLetsLazy(work, lets);

        var slots = Order(work, lets);
        var related = plan.Related is null ? null : plan.Related with { Nodes = work.RelatedNodes! };
        var message = plan.Message with { Parts = new EquatableArray<MessagePart>(work.Message) };
        var shared = plan with { Slots = new EquatableArray<PlanSlot>(slots), Test = work.Test, Location = work.Location, Message = message, Related = related };
        return Renumber(shared);
    }

    /// <summary>Lets neither the test nor an eager let reads, last first (a let's readers come after it), made lazy where they can be.</summary>
    private static void MakeLetsLazy(Work work, int lets)
    {
        var readInsideNodeSets = ReadInsideNodeSets(work);
        for (var i = lets - 1; i >= 0; i--)
        {
            if (work.Slots[i] is not { LetName: not null, IsFilter: false } let
                || let.Value.Type is not (ValueType.String or ValueType.Number or ValueType.Boolean)
                || readInsideNodeSets.Contains(i)
                || Reads(work.Test, i))
                continue;
            var eagerReader = false;
            for (var j = i + 1; j < lets && !eagerReader; j++)
                eagerReader = work.Slots[j].Timing == SlotTiming.Eager && Reads(work.Slots[j].Value, i);
            if (!eagerReader) work.Slots[i] = let with { Timing = SlotTiming.Lazy };
        }
    }

    private static bool Reads(Expr expr, int slot)
    {
        var reads = false;
        PlanWalk.Visit(expr, (part, _) => reads |= part is SlotRef read && read.Slot == slot);
        return reads;
    }

    /// <summary>
    /// The slots read inside a node-set expression: a loop may evaluate it on other nodes (a predicate, an indexed
    /// look-up's key), where a lazy slot would be computed for the wrong node, so such a slot stays eager.
    /// </summary>
    private static HashSet<int> ReadInsideNodeSets(Work work)
    {
        var inside = new HashSet<int>();
        foreach (var root in work.Roots())
        {
            PlanWalk.Visit(root, (part, _) =>
            {
                // Every read below it, predicates and per-node arguments included (RenumberSlots reaches them all).
                if (part.Type is ValueType.NodeSet or ValueType.StringList)
                    PlanWalk.RenumberSlots(part, slot => { inside.Add(slot); return slot; });
            });
        }

        return inside;
    }

    /// <summary>Whether sharing the value saves work: not a literal, a variable or another slot.</summary>
    private static bool IsComputed(Expr expr) => expr is not (StringLiteral or NumberLiteral or VariableRef or SlotRef or OnceExpr);

    private static Expr? LargestRepeated(Work work)
    {
        var counts = new Dictionary<Expr, int>();
        var order = new List<Expr>();
        foreach (var root in work.Roots()) Count(root, counts, order);
        Expr? best = null;
        var bestSize = 0;
        foreach (var candidate in order)
        {
            if (counts[candidate] < 2) continue;
            var size = PlanWalk.Size(candidate);
            if (size > bestSize)
            {
                best = candidate;
                bestSize = size;
            }
        }

        return best;
    }

    private static void Count(Expr expr, Dictionary<Expr, int> counts, List<Expr> order) =>
        ScalarParts(expr, part =>
        {
            if (counts.TryGetValue(part, out var n)) counts[part] = n + 1;
            else
            {
                counts[part] = 1;
                order.Add(part);
            }

            return null;
        });

    /// <summary>
    /// Applies <paramref name="map"/> to the computed numbers, strings and booleans among the same-context parts,
    /// stopping at node-set parts: a value inside a node-set expression may be evaluated where the node-set is looped.
    /// </summary>
    private static Expr ScalarParts(Expr expr, System.Func<Expr, Expr?> map) =>
        PlanWalk.Rewrite(expr, (part, _) =>
        {
            if (part.Type is ValueType.NodeSet or ValueType.StringList) return part;
            return IsComputed(part) ? map(part) : null;
        });

    /// <summary>
    /// The final slot order: each eager shared value just before the first let reading it (after the lets it reads),
    /// then the ones the test reads first, then the lazy ones.
    /// </summary>
    private static List<PlanSlot> Order(Work work, int lets)
    {
        var shared = work.Slots.Skip(lets).ToList();
        var firstReader = new int[shared.Count];
        var eager = new bool[shared.Count];
        // A lazy let reads its parts only when it is read: it is no binding that always runs.
        var bindings = work.Slots.Take(lets).Select(s => s.Timing == SlotTiming.Lazy ? null : s.Value).Append(work.Test).ToList();
        var inShared = new HashSet<int>();
        foreach (var slot in shared) PlanWalk.Visit(slot.Value, (e, _) => { if (e is SlotRef r) inShared.Add(r.Slot); });
        for (var s = 0; s < shared.Count; s++)
        {
            var index = lets + s;
            firstReader[s] = -1;
            if (inShared.Contains(index)) continue;
            for (var b = 0; b < bindings.Count && firstReader[s] < 0; b++)
            {
                if (bindings[b] is null) continue;
                var read = false;
                var always = false;
                PlanWalk.Visit(bindings[b]!, (e, conditional) =>
                {
                    if (e is SlotRef r && r.Slot == index)
                    {
                        read = true;
                        always |= !conditional;
                    }
                });
                if (!read) continue;
                firstReader[s] = b;
                eager[s] = always;
            }
        }

        var ordered = new List<PlanSlot>();
        for (var b = 0; b <= lets; b++)
        {
            for (var s = 0; s < shared.Count; s++)
                if (eager[s] && firstReader[s] == b) ordered.Add(shared[s] with { Timing = SlotTiming.Eager });
            if (b < lets) ordered.Add(work.Slots[b]);
        }

        for (var s = 0; s < shared.Count; s++)
            if (!eager[s]) ordered.Add(shared[s]);
        return ordered;
    }

    /// <summary>Makes every slot's index its position in the final order.</summary>
    private static CheckPlan Renumber(CheckPlan plan)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < plan.Slots.Count; i++) map[plan.Slots[i].Index] = i;
        System.Func<Expr, Expr> renumber = e => PlanWalk.RenumberSlots(e, s => map[s]);
        return plan with
        {
            Slots = new EquatableArray<PlanSlot>(plan.Slots.Select((s, i) => s with { Index = i, Value = renumber(s.Value) })),
            Context = renumber(plan.Context),
            Test = renumber(plan.Test),
            Location = plan.Location is null ? null : renumber(plan.Location),
            Message = plan.Message with { Parts = new EquatableArray<MessagePart>(plan.Message.Parts.Select(p => p.Expression is null ? p : p with { Expression = renumber(p.Expression) })) },
            Related = plan.Related is null ? null : new RelatedSpec(renumber(plan.Related.Nodes), plan.Related.Message with
            {
                Parts = new EquatableArray<MessagePart>(plan.Related.Message.Parts.Select(p => p.Expression is null ? p : p with { Expression = renumber(p.Expression) })),
            }),
        };
    }
}
