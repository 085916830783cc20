namespace VirtLint.RuleLanguage.Expressions;

/// <summary>A type-checked expression. Records, so the whole tree compares by value.</summary>
public abstract record Expr(ValueType Type);

public sealed record StringLiteral(string Value) : Expr(ValueType.String);

public sealed record NumberLiteral(double Value) : Expr(ValueType.Number);

public enum VariableKind
{
    Parameter,
    Let,
}

public sealed record VariableRef(string Name, VariableKind Kind, ValueType VariableType) : Expr(VariableType);

/// <summary>A call of a built-in function; <see cref="Function"/> is its canonical name in the function table.</summary>
public sealed record FunctionCall(string Function, EquatableArray<Expr> Arguments, ValueType ResultType) : Expr(ResultType);

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, ValueType ResultType) : Expr(ResultType);

public sealed record NegateExpr(Expr Operand) : Expr(ValueType.Number);

public sealed record UnionExpr(Expr Left, Expr Right) : Expr(ValueType.NodeSet);

/// <summary>Where a location path starts.</summary>
public enum PathOrigin
{
    /// <summary>The context node (a relative path).</summary>
    Context,

    /// <summary>The document node (a path starting with '/').</summary>
    Document,

    /// <summary>The node-set of <see cref="PathExpr.Source"/> (a filter expression followed by steps).</summary>
    Expression,
}

public sealed record PathExpr(PathOrigin Origin, Expr? Source, EquatableArray<Step> Steps) : Expr(ValueType.NodeSet);

/// <summary>A node-set expression filtered by predicates, e.g. <c>$disks[@device='disk']</c>.</summary>
public sealed record FilterExpr(Expr Source, EquatableArray<Expr> Predicates) : Expr(ValueType.NodeSet);

public enum Axis
{
    Child,
    Descendant,
    DescendantOrSelf,
    Attribute,
    Self,
    Parent,
    Ancestor,
    AncestorOrSelf,
    FollowingSibling,
    PrecedingSibling,
}

public enum NodeTest
{
    /// <summary>A name test: elements (or attributes on the attribute axis) with that local name.</summary>
    Name,

    /// <summary><c>*</c>: any element (or any attribute on the attribute axis).</summary>
    AnyName,

    /// <summary><c>node()</c>.</summary>
    AnyNode,

    /// <summary><c>text()</c>.</summary>
    Text,

    /// <summary>
    /// One of several names, each with its own predicates (<see cref="Step.Choices"/>): a union of child or attribute
    /// steps from the same nodes, fused by the lowering (Plan/UnionFusion.cs) so one pass yields document order.
    /// </summary>
    NameChoice,
}

/// <summary>One location step; predicates are boolean expressions evaluated with the step's node as context.</summary>
public sealed record Step(Axis Axis, NodeTest Test, string Name, EquatableArray<Expr> Predicates)
{
    /// <summary>The names and their predicates of a <see cref="NodeTest.NameChoice"/> step; empty for the others.</summary>
    public EquatableArray<Plan.StepChoice> Choices { get; init; } = EquatableArray<Plan.StepChoice>.Empty;

    /// <summary>A step that selects the node it starts from (<c>self::node()</c>, written <c>.</c>): a path skips it.</summary>
    public bool IsNoOp => Axis == Axis.Self && Test == NodeTest.AnyNode && Predicates.Count == 0;
}
