using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>
/// A value materialised once per context node (<see cref="CheckPlan.Slots"/>): a rule's <c>let</c>, or a
/// subexpression the rule repeats. Replaces every <c>$let</c> reference in a plan.
/// </summary>
public sealed record SlotRef(int Slot, ValueType SlotType) : Expr(SlotType);

/// <summary>
/// A value that is the same for every context node of a document (it reads the document through absolute paths
/// only), computed on first use and kept for the document. <see cref="Index"/> is the same for equal values.
/// </summary>
public sealed record OnceExpr(int Index, Expr Value) : Expr(Value.Type);

/// <summary>One name of a fused union step, with the predicates its operand had.</summary>
public sealed record StepChoice(string Name, EquatableArray<Expr> Predicates);

/// <summary>
/// How a comparison compares, decided from the operand types by the lowering (XPath 1.0, section 3.4), so neither
/// back end decides it. A sequence operand (node-set or list) is always <see cref="ComparisonExpr.Left"/>.
/// </summary>
public enum ComparisonKind
{
    /// <summary>Two strings, by ordinal equality (= and != only).</summary>
    Strings,

    /// <summary>Both operands converted to numbers (every relational operator, and = or != with a number).</summary>
    Numbers,

    /// <summary>Both operands converted to booleans (= or != with a boolean).</summary>
    Booleans,

    /// <summary>True when some node's string value compares true with the string.</summary>
    NodesWithString,

    /// <summary>True when some node's number compares true with the number.</summary>
    NodesWithNumber,

    /// <summary>The node-set's truth value (non-empty) compared with the boolean.</summary>
    NodesWithBoolean,

    /// <summary>A node-set equal to a list parameter: some node's value is in the list's set.</summary>
    NodesInList,

    /// <summary>Two sequences (node-sets or lists): some pair of values compares true.</summary>
    Sequences,

    /// <summary>A list with a string: some item compares true.</summary>
    ListWithString,

    /// <summary>A list with a number: some item's number compares true.</summary>
    ListWithNumber,

    /// <summary>The list's truth value (non-empty) compared with the boolean.</summary>
    ListWithBoolean,
}

/// <summary>A comparison resolved to its kind; <see cref="Operator"/> is one of the comparison operators, flipped when the operands were swapped.</summary>
public sealed record ComparisonExpr(ComparisonKind Kind, BinaryOperator Operator, Expr Left, Expr Right) : Expr(ValueType.Boolean);
