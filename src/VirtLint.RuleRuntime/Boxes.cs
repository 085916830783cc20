namespace VirtLint.RuleRuntime;

/// <summary>
/// Boxed values the evaluator hands out as objects (a let's value, an argument): the two truth values and the small
/// whole numbers (indexes, ports, counts) boxed once, where each evaluation boxed its own.
/// </summary>
internal static class Boxes
{
    public static readonly object True = true;
    public static readonly object False = false;

    private const int SmallNumbers = 1024;
    private static readonly object[] s_numbers = [.. Enumerable.Range(0, SmallNumbers).Select(n => (object)(double)n)];

    public static object Of(bool value) => value ? True : False;

    public static object Of(double value)
    {
        // Negative zero keeps its own box: XPath tells it apart from zero (1 div -0 is -Infinity).
        var whole = (int)value;
        return (uint)whole < SmallNumbers && whole == value && !(whole == 0 && double.IsNegative(value)) ? s_numbers[whole] : value;
    }
}
