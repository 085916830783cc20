using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// What both back ends execute: a rule lowered once by <see cref="RuleLowering"/>. The C# emitter prints it and the
/// run-time evaluator interprets it; neither sees the parsed expressions. Value equality throughout (no Roslyn
/// objects), so the generator caches it.
/// </summary>
public sealed record RulePlan
{
    internal RulePlan(RuleSpec rule, CheckPlan? check, EquatableArray<FactSpec> facts)
    {
        Rule = rule;
        Check = check;
        Facts = facts;
    }

    /// <summary>
    /// The rule's descriptor data (id, name, docs, parameters, scope, message text, required kinds). Its check, facts,
    /// related nodes and message placeholders are removed: their lowered forms are <see cref="Check"/> and <see cref="Facts"/>.
    /// </summary>
    public RuleSpec Rule { get; }

    /// <summary>The check; null for a rule the engine implements itself.</summary>
    public CheckPlan? Check { get; }

    /// <summary>A workspace rule's facts, their expressions lowered.</summary>
    public EquatableArray<FactSpec> Facts { get; }
}

/// <summary>When a slot's value is computed.</summary>
public enum SlotTiming
{
    /// <summary>In slot order, before the test: a <c>let</c>, or a repeated value the first binding using it always reads.</summary>
    Eager,

    /// <summary>On first use (a repeated value under a short-circuit, or read only by the message): never in a branch that does not run.</summary>
    Lazy,
}

/// <summary>
/// A value computed at most once per context node. <see cref="LetName"/> names a rule's <c>let</c>; null for a
/// subexpression the rule repeats. A node-set slot holds a list in document order.
/// </summary>
public sealed record PlanSlot(int Index, string? LetName, Expr Value, SlotTiming Timing)
{
    /// <summary>The rule file's line of the expression (0 when unknown).</summary>
    public int Line { get; init; }

    /// <summary>
    /// A predicate of the context path's last step, moved out of the path so that what it computes is shared with the
    /// check: a node for which it is false is not a context node, and the slots after it are not computed. No
    /// <see cref="SlotRef"/> reads a filter.
    /// </summary>
    public bool IsFilter { get; init; }
}

/// <summary>
/// A lowered check: for each node of <see cref="Context"/> (evaluated on the root element), compute the eager
/// <see cref="Slots"/> in order (leaving the node at the first filter that is false), then a finding when the
/// <see cref="Test"/> is false (assert) or true (report). The slot index of every <see cref="SlotRef"/> is its
/// position in <see cref="Slots"/>.
/// </summary>
public sealed record CheckPlan(
    Expr Context,
    EquatableArray<PlanSlot> Slots,
    Expr Test,
    bool IsAssert,
    Expr? Location,
    MessageTemplate Message,
    RelatedSpec? Related)
{
    public int ContextLine { get; init; }

    public int TestLine { get; init; }

    public int LocationLine { get; init; }

    /// <summary>What a document must hold for the check to report (see <see cref="RequiredNodes"/>): a document that does not is skipped.</summary>
    public EquatableArray<RequiredClause> Requirements { get; init; } = EquatableArray<RequiredClause>.Empty;
}
