using System.Globalization;

namespace VirtLint.Core.Configuration;

/// <summary>The types a rule parameter can declare (<c>params: name: type:</c> in a rule file).</summary>
public enum ParameterType
{
    String,
    Number,
    Integer,
    Boolean,
    StringList,
}

/// <summary>
/// One parameter value, already converted to the type the rule declares: parsed once when the configuration is
/// loaded, never per document.
/// </summary>
public sealed class ParameterValue
{
    private ParameterValue(ParameterType type, string? text, double number, bool boolean, IReadOnlyList<string>? list)
    {
        Type = type;
        Text = text;
        Number = number;
        Boolean = boolean;
        List = list;
    }

    public ParameterType Type { get; }

    /// <summary>The value of a string parameter.</summary>
    public string? Text { get; }

    /// <summary>The value of a number or integer parameter.</summary>
    public double Number { get; }

    public bool Boolean { get; }

    /// <summary>The value of a string-list parameter.</summary>
    public IReadOnlyList<string>? List { get; }

    public static ParameterValue OfString(string value) => new(ParameterType.String, value, 0, false, null);

    public static ParameterValue OfNumber(double value) => new(ParameterType.Number, null, value, false, null);

    public static ParameterValue OfInteger(long value) => new(ParameterType.Integer, null, value, false, null);

    public static ParameterValue OfBoolean(bool value) => new(ParameterType.Boolean, null, 0, value, null);

    public static ParameterValue OfList(IReadOnlyList<string> values) => new(ParameterType.StringList, null, 0, false, values.ToArray());

    /// <summary>The value as a config file would spell it: <c>0.9</c>, <c>true</c>, <c>[e1000, rtl8139]</c>.</summary>
    public override string ToString() => Type switch
    {
        ParameterType.String => Text!,
        ParameterType.Number or ParameterType.Integer => Number.ToString("R", CultureInfo.InvariantCulture),
        ParameterType.Boolean => Boolean ? "true" : "false",
        _ => "[" + string.Join(", ", List!) + "]",
    };

    public static bool TryParseType(string text, out ParameterType type)
    {
        switch (text)
        {
            case "string": type = ParameterType.String; return true;
            case "number": type = ParameterType.Number; return true;
            case "integer": type = ParameterType.Integer; return true;
            case "boolean": type = ParameterType.Boolean; return true;
            case "string-list": type = ParameterType.StringList; return true;
            default: type = ParameterType.String; return false;
        }
    }

    public static string TypeName(ParameterType type) => type switch
    {
        ParameterType.String => "string",
        ParameterType.Number => "number",
        ParameterType.Integer => "integer",
        ParameterType.Boolean => "boolean",
        _ => "string-list",
    };
}
