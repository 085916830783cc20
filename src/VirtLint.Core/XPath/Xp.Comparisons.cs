namespace VirtLint.Core.XPath;

/// <summary>
/// XPath 1.0 comparisons involving node-sets (or list parameters): true when some value on the left and some value on
/// the right satisfy the operator; equality compares strings, the relational operators compare numbers.
/// </summary>
public static partial class Xp
{
    public static bool Compare(CompareOp op, IEnumerable<string> left, string right) => op switch
    {
        CompareOp.Equal => left.Any(v => string.Equals(v, right, StringComparison.Ordinal)),
        CompareOp.NotEqual => left.Any(v => !string.Equals(v, right, StringComparison.Ordinal)),
        _ => Compare(op, left, Number(right)),
    };

    public static bool Compare(CompareOp op, IEnumerable<string> left, double right) =>
        left.Any(v => CompareNumbers(op, Number(v), right));

    public static bool Compare(CompareOp op, IEnumerable<string> left, IEnumerable<string> right)
    {
        var rightValues = right as IReadOnlyCollection<string> ?? right.ToArray();
        switch (op)
        {
            case CompareOp.Equal:
                {
                    var set = new HashSet<string>(rightValues, StringComparer.Ordinal);
                    return left.Any(set.Contains);
                }

            case CompareOp.NotEqual:
                return left.Any(l => rightValues.Any(r => !string.Equals(l, r, StringComparison.Ordinal)));
            default:
                {
                    var numbers = rightValues.Select(Number).ToArray();
                    return left.Any(l => { var x = Number(l); return numbers.Any(r => CompareNumbers(op, x, r)); });
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
