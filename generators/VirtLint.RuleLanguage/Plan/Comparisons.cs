using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Plan;

/// <summary>XPath 1.0's comparison rules (section 3.4), decided once from the static operand types.</summary>
internal static class Comparisons
{
    public static ComparisonExpr Resolve(BinaryOperator op, Expr left, Expr right)
    {
        if (!IsSequence(left.Type) && IsSequence(right.Type))
        {
            (left, right) = (right, left);
            op = Flip(op);
        }

        // A list parameter is only ever compared: with a node-set, equality is symmetric, so the node-set goes first.
        if (left.Type == ValueType.StringList && right.Type == ValueType.NodeSet && op == BinaryOperator.Equal)
            (left, right) = (right, left);

        var kind = left.Type switch
        {
            ValueType.NodeSet => right.Type switch
            {
                ValueType.String => ComparisonKind.NodesWithString,
                ValueType.Number => ComparisonKind.NodesWithNumber,
                ValueType.Boolean => ComparisonKind.NodesWithBoolean,
                ValueType.StringList when op == BinaryOperator.Equal && right is VariableRef { Kind: VariableKind.Parameter } => ComparisonKind.NodesInList,
                _ => ComparisonKind.Sequences,
            },
            ValueType.StringList => right.Type switch
            {
                ValueType.String => ComparisonKind.ListWithString,
                ValueType.Number => ComparisonKind.ListWithNumber,
                ValueType.Boolean => ComparisonKind.ListWithBoolean,
                _ => ComparisonKind.Sequences,
            },
            _ when op is BinaryOperator.Equal or BinaryOperator.NotEqual => left.Type == ValueType.Boolean || right.Type == ValueType.Boolean
                ? ComparisonKind.Booleans
                : left.Type == ValueType.Number || right.Type == ValueType.Number ? ComparisonKind.Numbers : ComparisonKind.Strings,
            _ => ComparisonKind.Numbers,
        };
        return new ComparisonExpr(kind, op, left, right);
    }

    private static bool IsSequence(ValueType type) => type is ValueType.NodeSet or ValueType.StringList;

    private static BinaryOperator Flip(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => BinaryOperator.Greater,
        BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
        BinaryOperator.Greater => BinaryOperator.Less,
        BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
        _ => op,
    };
}
