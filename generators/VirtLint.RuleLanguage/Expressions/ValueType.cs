namespace VirtLint.RuleLanguage.Expressions;

/// <summary>The static type of an expression: XPath 1.0's four types plus the list type of list parameters.</summary>
public enum ValueType
{
    NodeSet,
    String,
    Number,
    Boolean,

    /// <summary>A list of strings (a list parameter). Compares like a node-set of those string values.</summary>
    StringList,
}

public static class ValueTypeNames
{
    public static string ToName(this ValueType type) => type switch
    {
        ValueType.NodeSet => "node-set",
        ValueType.String => "string",
        ValueType.Number => "number",
        ValueType.Boolean => "boolean",
        _ => "string-list",
    };
}
