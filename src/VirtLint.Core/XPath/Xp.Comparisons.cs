namespace VirtLint.Core.XPath;

/// <summary>
/// XPath 1.0 comparisons involving node-sets (or list parameters): true when some value on the left and some value on
/// the right satisfy the operator; equality compares strings, the relational operators compare numbers.
/// </summary>
public static partial class Xp
{
    // Plain loops rather than LINQ: these run for every context node, and a lambda capturing the right operand allocates.
    public static bool Compare(CompareOp op, IEnumerable<string> left, string right)
    {
        if (op is not (CompareOp.Equal or CompareOp.NotEqual)) return Compare(op, left, Number(right));
        foreach (var value in left)
            if (string.Equals(value, right, StringComparison.Ordinal) == (op == CompareOp.Equal)) return true;
        return false;
    }

    public static bool Compare(CompareOp op, IEnumerable<string> left, double right)
    {
        foreach (var value in left)
            if (CompareNumbers(op, Number(value), right)) return true;
        return false;
    }

    public static bool Compare(CompareOp op, IEnumerable<string> left, IEnumerable<string> right)
    {
        var rightValues = right as IReadOnlyList<string> ?? right.ToArray();
        switch (op)
        {
            case CompareOp.Equal:
                {
                    // A list parameter (an array or list that lives as long as its configuration) is looked up in its cached set.
                    var set = rightValues.Count > 4 && right is string[] or List<string> ? StringSet(rightValues) : null;
                    foreach (var l in left)
                    {
                        if (set is not null) { if (set.Contains(l)) return true; }
                        else { for (var i = 0; i < rightValues.Count; i++) if (string.Equals(l, rightValues[i], StringComparison.Ordinal)) return true; }
                    }

                    return false;
                }

            case CompareOp.NotEqual:
                foreach (var l in left)
                    for (var i = 0; i < rightValues.Count; i++)
                        if (!string.Equals(l, rightValues[i], StringComparison.Ordinal)) return true;
                return false;
            default:
                {
                    var numbers = new double[rightValues.Count];
                    for (var i = 0; i < numbers.Length; i++) numbers[i] = Number(rightValues[i]);
                    foreach (var l in left)
                    {
                        var x = Number(l);
                        foreach (var r in numbers)
                            if (CompareNumbers(op, x, r)) return true;
                    }

                    return false;
                }
        }
    }

    /// <summary>A node-set compared with a boolean is compared as a boolean (numbers for the relational operators).</summary>
    public static bool Compare(CompareOp op, bool left, bool right) => op switch
    {
        CompareOp.Equal => left == right,
        CompareOp.NotEqual => left != right,
        _ => CompareNumbers(op, Number(left), Number(right)),
    };

    public static bool CompareNumbers(CompareOp op, double left, double right) => op switch
    {
        CompareOp.Equal => left == right,
        CompareOp.NotEqual => left != right,
        CompareOp.Less => left < right,
        CompareOp.LessOrEqual => left <= right,
        CompareOp.Greater => left > right,
        _ => left >= right,
    };
}
