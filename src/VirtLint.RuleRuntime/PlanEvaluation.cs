using System.Diagnostics.CodeAnalysis;
using System.Xml.Linq;
using VirtLint.Core;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Plan;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime;

/// <summary>
/// One rule over one document: evaluates the expressions of the rule's plan (<see cref="RulePlan"/>) by calling the
/// <see cref="Xp"/> helpers the generated checkers call, with the same overload for each static type, so both back ends compute the same values.
/// A value is a node-set (<see cref="IEnumerable{XObject}"/>), a string, a double, a bool or a string list, decided by
/// the expression's static type, never by inspecting the value. Not shared between threads: one per check.
/// </summary>
internal sealed partial class PlanEvaluation
{
    private readonly InterpretedRule _rule;
    // By the parameter's position in the rule (InterpretedRule.ParameterSlotOf).
    private readonly object[] _parameters;
    // By the plan's once index and the rule's index slot; created on first use: most rules find no context node in most
    // documents, and one evaluation runs per rule and document.
    private object?[]? _once;
    private object?[]? _indexes;
    private readonly XObject _root;
    private readonly EquatableArray<PlanSlot> _slotPlans;
    private readonly object?[] _slots;

    public PlanEvaluation(InterpretedRule rule, object[] parameters, XObject root)
    {
        _rule = rule;
        _parameters = parameters;
        _root = root;
        _slotPlans = rule.Plan.Check is { } check ? check.Slots : EquatableArray<PlanSlot>.Empty;
        _slots = _slotPlans.Count == 0 ? [] : new object?[_slotPlans.Count];
    }

    /// <summary>
    /// Starts a context node: forgets the previous node's slots and computes the eager ones in order. False when a
    /// filter (a predicate of the context path's last step) is false: the node is not a context node.
    /// </summary>
    public bool BeginNode(XObject node)
    {
        Array.Clear(_slots);
        foreach (var slot in _slotPlans)
        {
            if (slot.Timing != SlotTiming.Eager) continue;
            var value = Eval(slot.Value, node);
            _slots[slot.Index] = slot.Value.Type == ValueType.NodeSet ? Xp.Materialize((IEnumerable<XObject>)value) : value;
            if (slot.IsFilter && !(bool)value) return false;
        }

        return true;
    }

    /// <summary>A slot's value for the current context node (null when not computed), for tests.</summary>
    internal object? SlotValue(int slot) => _slots[slot];

    public object Eval(Expr expr, XObject context) => expr switch
    {
        StringLiteral s => s.Value,
        NumberLiteral n => Boxes.Of(n.Value),
        VariableRef v => _parameters[_rule.ParameterSlotOf(v)],
        SlotRef slot => Slot(slot.Slot, context),
        // What is the same for the whole document, computed on first use.
        OnceExpr once => Once(once),
        ComparisonExpr comparison => Boxes.Of(Comparison(comparison, context)),
        FunctionCall f => Call(f, context),
        BinaryExpr b => Binary(b, context),
        NegateExpr n => Boxes.Of(-Number(n.Operand, context)),
        UnionExpr u => Xp.Union(Nodes(u.Left, context), Nodes(u.Right, context)),
        PathExpr p => Path(p, context),
        FilterExpr f => Predicates(Nodes(f.Source, context), f.Predicates),
        _ => throw new InvalidOperationException($"unexpected expression {expr.GetType().Name}"),
    };

    /// <summary>A slot's value: an eager one was set before the test; a lazy one is computed on its first read for this node.</summary>
    private object Slot(int slot, XObject context)
    {
        if (_slots[slot] is { } value) return value;
        var plan = _slotPlans[slot];
        if (plan.Timing != SlotTiming.Lazy) throw new InvalidOperationException($"slot {slot} read before it was computed");
        return _slots[slot] = Eval(plan.Value, context);
    }

    private object Once(OnceExpr once)
    {
        var values = _once ??= new object?[_rule.OnceCount];
        return values[once.Index] ??= Eval(once.Value, _root);
    }

    public IEnumerable<XObject> Nodes(Expr expr, XObject context) => (IEnumerable<XObject>)Eval(expr, context);

    public string String(Expr expr, XObject context) => (string)Eval(expr, context);

    /// <summary>A number, computed without boxing for the operators and literals (most of a check's arithmetic).</summary>
    public double Number(Expr expr, XObject context)
    {
        switch (expr)
        {
            case NumberLiteral n: return n.Value;
            case NegateExpr n: return -Number(n.Operand, context);
            case BinaryExpr { Operator: >= BinaryOperator.Add } b: return Arithmetic(b, context);
            case FunctionCall f:
                var helper = HelperOf(f);
                return TryNumberCall(f, helper, context, out var number) ? number : (double)Call(f, helper, context);
        }

        return (double)Eval(expr, context);
    }

    /// <summary>A boolean, computed without boxing for the logical operators, comparisons and not().</summary>
    public bool Boolean(Expr expr, XObject context)
    {
        switch (expr)
        {
            case BinaryExpr { Operator: BinaryOperator.Or } b: return Boolean(b.Left, context) || Boolean(b.Right, context);
            case BinaryExpr { Operator: BinaryOperator.And } b: return Boolean(b.Left, context) && Boolean(b.Right, context);
            case ComparisonExpr c: return Comparison(c, context);
            case FunctionCall { Function: "not" } f: return !Boolean(f.Arguments[0], context);
            case FunctionCall { Function: "boolean" or "exists" } f when f.Arguments[0].Type == ValueType.NodeSet: return Exists(f.Arguments[0], context);
            case FunctionCall f:
                var helper = HelperOf(f);
                return TryBooleanCall(f, helper, context, out var truth) ? truth : (bool)Call(f, helper, context);
        }

        return (bool)Eval(expr, context);
    }

    private double Arithmetic(BinaryExpr b, XObject context) => b.Operator switch
    {
        BinaryOperator.Add => Number(b.Left, context) + Number(b.Right, context),
        BinaryOperator.Subtract => Number(b.Left, context) - Number(b.Right, context),
        BinaryOperator.Multiply => Number(b.Left, context) * Number(b.Right, context),
        BinaryOperator.Divide => Number(b.Left, context) / Number(b.Right, context),
        _ => Number(b.Left, context) % Number(b.Right, context),
    };

    private IReadOnlyList<string> List(Expr expr, XObject context) => (IReadOnlyList<string>)Eval(expr, context);

    // ---- operators ----

    private object Binary(BinaryExpr b, XObject context) => b.Operator switch
    {
        BinaryOperator.Or => Boxes.Of(Boolean(b.Left, context) || Boolean(b.Right, context)),
        BinaryOperator.And => Boxes.Of(Boolean(b.Left, context) && Boolean(b.Right, context)),
        BinaryOperator.Add => Boxes.Of(Number(b.Left, context) + Number(b.Right, context)),
        BinaryOperator.Subtract => Boxes.Of(Number(b.Left, context) - Number(b.Right, context)),
        BinaryOperator.Multiply => Boxes.Of(Number(b.Left, context) * Number(b.Right, context)),
        BinaryOperator.Divide => Boxes.Of(Number(b.Left, context) / Number(b.Right, context)),
        BinaryOperator.Modulo => Boxes.Of(Number(b.Left, context) % Number(b.Right, context)),
        _ => throw new InvalidOperationException($"comparison {b.Operator} not resolved by the lowering"),
    };

    /// <summary>A comparison of the kind the plan resolved it to (XPath 1.0 comparison rules), operands in the plan's order.</summary>
    private bool Comparison(ComparisonExpr comparison, XObject context)
    {
        var (op, left, right) = (comparison.Operator, comparison.Left, comparison.Right);
        var compareOp = ToCompareOp(op);
        switch (comparison.Kind)
        {
            case ComparisonKind.NodesWithString:
            case ComparisonKind.NodesWithNumber:
                if (TrySingle(left, context, out var single))
                {
                    // @bus = 'ide': the attribute's value or none, as the emitted code compares it.
                    var value = Xp.ValueOrNull(single);
                    return comparison.Kind == ComparisonKind.NodesWithNumber
                        ? Xp.Compare(compareOp, value, Number(right, context))
                        : Compare(compareOp, value, String(right, context));
                }

                if (TryChildPath(left, context, out var childPath, out var start))
                {
                    var nodes = new ChildPathCursor(this, childPath, start);
                    return comparison.Kind == ComparisonKind.NodesWithNumber
                        ? AnyValue(ref nodes, compareOp, Number(right, context))
                        : AnyValue(ref nodes, compareOp, String(right, context));
                }

                return comparison.Kind == ComparisonKind.NodesWithNumber
                    ? Xp.Compare(compareOp, Values(left, context), Number(right, context))
                    : Xp.Compare(compareOp, Values(left, context), String(right, context));
            case ComparisonKind.NodesWithBoolean:
            case ComparisonKind.ListWithBoolean:
                return Xp.Compare(compareOp, SequenceBoolean(left, context), Boolean(right, context));
            case ComparisonKind.NodesInList:
            case ComparisonKind.Sequences:
                return Xp.Compare(compareOp, Values(left, context), Values(right, context));
            case ComparisonKind.ListWithNumber:
                return Xp.Compare(compareOp, Values(left, context), Number(right, context));
            case ComparisonKind.ListWithString:
                return Xp.Compare(compareOp, Values(left, context), String(right, context));
            case ComparisonKind.Booleans:
                return (ToBoolean(left, context) == ToBoolean(right, context)) == (op == BinaryOperator.Equal);
            case ComparisonKind.Numbers:
                return Xp.CompareNumbers(compareOp, ToNumber(left, context), ToNumber(right, context));
            default:
                var equal = string.Equals(String(left, context), String(right, context), StringComparison.Ordinal);
                return op == BinaryOperator.Equal ? equal : !equal;
        }
    }

    /// <summary>A node's value (null: no node) compared with a string, as emitted code compares one: as strings for = and !=, else as numbers.</summary>
    private static bool Compare(CompareOp op, string? value, string right) => op switch
    {
        CompareOp.Equal => value == right,
        CompareOp.NotEqual => Xp.NotEqual(value, right),
        _ => Xp.Compare(op, value, Xp.Number(right)),
    };

    /// <summary>Whether the value of one of the nodes compares so with <paramref name="right"/>, as a single node's does.</summary>
    private static bool AnyValue(ref ChildPathCursor nodes, CompareOp op, double right)
    {
        while (nodes.MoveNext())
            if (Xp.Compare(op, Xp.StringValue(nodes.Current!), right)) return true;
        return false;
    }

    /// <summary>Whether the value of one of the nodes compares so with <paramref name="right"/>, as a single node's does.</summary>
    private static bool AnyValue(ref ChildPathCursor nodes, CompareOp op, string right)
    {
        // Relational comparisons read the right side as a number once, not once per node.
        if (op is not (CompareOp.Equal or CompareOp.NotEqual)) return AnyValue(ref nodes, op, Xp.Number(right));
        while (nodes.MoveNext())
            if (Compare(op, Xp.StringValue(nodes.Current!), right)) return true;
        return false;
    }

    private bool SequenceBoolean(Expr expr, XObject context) =>
        expr.Type == ValueType.NodeSet ? Xp.Boolean(Nodes(expr, context)) : Xp.Boolean(List(expr, context));

    private IEnumerable<string> Values(Expr expr, XObject context) =>
        expr.Type == ValueType.NodeSet ? Xp.Values(Nodes(expr, context)) : List(expr, context);

    private static CompareOp ToCompareOp(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => CompareOp.Equal,
        BinaryOperator.NotEqual => CompareOp.NotEqual,
        BinaryOperator.Less => CompareOp.Less,
        BinaryOperator.LessOrEqual => CompareOp.LessOrEqual,
        BinaryOperator.Greater => CompareOp.Greater,
        _ => CompareOp.GreaterOrEqual,
    };

    // ---- conversions: the Xp overload for each static type ----

    private string ToString(Expr expr, XObject context) => expr.Type switch
    {
        ValueType.NodeSet => Xp.String(TrySingle(expr, context, out var node) ? node : First(expr, context)),
        ValueType.String => String(expr, context),
        ValueType.Number => Xp.String(Number(expr, context)),
        ValueType.Boolean => Xp.String(Boolean(expr, context)),
        _ => throw Unconvertible(expr, "string"),
    };

    private double ToNumber(Expr expr, XObject context) => expr.Type switch
    {
        ValueType.NodeSet => Xp.Number(TrySingle(expr, context, out var node) ? node : First(expr, context)),
        ValueType.String => Xp.Number(String(expr, context)),
        ValueType.Number => Number(expr, context),
        ValueType.Boolean => Xp.Number(Boolean(expr, context)),
        _ => throw Unconvertible(expr, "number"),
    };

    private bool ToBoolean(Expr expr, XObject context) => expr.Type switch
    {
        ValueType.NodeSet => Exists(expr, context),
        ValueType.String => Xp.Boolean(String(expr, context)),
        ValueType.Number => Xp.Boolean(Number(expr, context)),
        ValueType.Boolean => Boolean(expr, context),
        _ => Xp.Boolean(List(expr, context)),
    };

    // A node-set holds no null node: it has a node exactly when it has a first one.
    private bool Exists(Expr nodes, XObject context) =>
        TrySingle(nodes, context, out var node) ? node is not null : First(nodes, context) is not null;

    /// <summary>The first node of a node-set in document order, or null.</summary>
    private XObject? First(Expr nodes, XObject context)
    {
        if (!TryChildPath(nodes, context, out var path, out var start)) return Xp.FirstOrNull(Nodes(nodes, context));
        var walk = new ChildPathCursor(this, path, start);
        return walk.MoveNext() ? walk.Current : null;
    }

    /// <summary>
    /// The path of child steps and the node it starts from, when <paramref name="expr"/> is one, for a walk on the stack
    /// (<see cref="ChildPathCursor"/>) by what reads it once and at once; false for any other expression. The caller
    /// makes the cursor in its own local: a cursor returned through a parameter was copied whole, its loops' references
    /// each through a write barrier.
    /// </summary>
    internal bool TryChildPath(Expr expr, XObject context, [NotNullWhen(true)] out ChildPath? childPath, out XObject? start)
    {
        if (expr is PathExpr path && ChildPathOf(path) is { } found)
        {
            (childPath, start) = (found, StartOf(path, context));
            return true;
        }

        (childPath, start) = (null, null);
        return false;
    }

    /// <summary>
    /// The node of a path that yields at most one node and has no predicate (<c>@bus</c>, <c>../../@prefix</c>, <c>.</c>),
    /// found without a node-set, as the emitter reads such paths; false for any other expression.
    /// </summary>
    private bool TrySingle(Expr expr, XObject context, out XObject? node)
    {
        node = null;
        if (expr is not PathExpr { Origin: PathOrigin.Context } path) return false;
        XObject? current = context;
        foreach (var step in path.Steps)
        {
            if (step.IsNoOp) continue;
            if (step.Predicates.Count > 0) return false;
            switch (step.Axis)
            {
                case Axis.Attribute when step.Test == NodeTest.Name:
                    current = Xp.AttributeNode(current, _rule.NameOf(step));
                    break;
                case Axis.Parent:
                    current = step.Test switch
                    {
                        NodeTest.Name => Xp.NamedOrNull(Xp.ParentNode(current), _rule.NameOf(step)),
                        NodeTest.AnyName => Xp.ElementOrNull(Xp.ParentNode(current)),
                        NodeTest.Text => Xp.ParentNode(current) as XText,
                        _ => Xp.ParentNode(current),
                    };
                    break;
                case Axis.Self when step.Test == NodeTest.Name:
                    current = Xp.SelfElement(current, _rule.NameOf(step));
                    break;
                case Axis.Self when step.Test == NodeTest.AnyName:
                    current = Xp.ElementOrNull(current);
                    break;
                default:
                    return false;
            }
        }

        node = current;
        return true;
    }

    private static InvalidOperationException Unconvertible(Expr expr, string to) =>
        new($"a {expr.Type.ToName()} cannot be converted to a {to}; the type checker should have refused this expression");
}
