using VirtLint.RuleLanguage.Expressions;

namespace VirtLint.RuleLanguage.Model;

/// <summary>A parameter's declared type (<c>params: name: type:</c>).</summary>
public enum ParamType
{
    String,
    Number,

    /// <summary>A whole number: a number in expressions, but configuration accepts only whole numbers for it.</summary>
    Integer,
    Boolean,
    StringList,
}

public static class ParamTypes
{
    /// <summary>The type <c>$name</c> has in expressions.</summary>
    public static ValueType ExpressionType(this ParamType type) => type switch
    {
        ParamType.Number or ParamType.Integer => Expressions.ValueType.Number,
        ParamType.Boolean => Expressions.ValueType.Boolean,
        ParamType.StringList => Expressions.ValueType.StringList,
        _ => Expressions.ValueType.String,
    };
}
