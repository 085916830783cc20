using System.Globalization;

namespace VirtLint.Core.Configuration;

/// <summary>Converts a parameter value from a config file or from <c>--param</c> to the type the rule declares.</summary>
internal static class ParameterBinder
{
    public static ParameterType TypeOf(RuleParameter declaration) =>
        ParameterValue.TryParseType(declaration.Type, out var type) ? type : ParameterType.String;

    /// <summary>Binds a YAML value; on failure, <paramref name="at"/> is the node to point the error at.</summary>
    public static ParameterValue? Bind(RuleDescriptor rule, RuleParameter declaration, ConfigNode node, out string? error, out ConfigNode at)
    {
        at = node;
        error = null;
        var type = TypeOf(declaration);
        var what = $"Parameter '{declaration.Name}' of {rule.Id} {rule.Name} is {Article(type)}";
        if (type == ParameterType.StringList)
        {
            if (node is not ConfigSequence sequence)
            {
                error = $"{what}; expected a list such as [a, b], found {node.Describe()}.";
                return null;
            }

            var values = new List<string>(sequence.Items.Count);
            foreach (var item in sequence.Items)
            {
                if (item is not ConfigScalar { IsNull: false } scalar)
                {
                    at = item;
                    error = $"{what}; each item must be a string, found {item.Describe()}.";
                    return null;
                }

                values.Add(scalar.Value);
            }

            return ParameterValue.OfList(values);
        }

        if (node is not ConfigScalar { IsNull: false } value)
        {
            error = $"{what}; found {node.Describe()}.";
            return null;
        }

        // A quoted "true" or "12" is a string in YAML; typed parameters take only the plain spelling.
        if (type != ParameterType.String && !value.IsPlain)
        {
            error = $"{what}; found the quoted string '{value.Value}' (write it without quotes).";
            return null;
        }

        var bound = Convert(type, value.Value);
        if (bound is null) error = $"{what}; found '{value.Value}'.";
        return bound;
    }

    /// <summary>Binds <c>--param RULE.NAME=VALUE</c> text; a string-list is comma-separated.</summary>
    public static ParameterValue? BindText(RuleDescriptor rule, RuleParameter declaration, string text, out string? error)
    {
        var type = TypeOf(declaration);
        error = null;
        if (type == ParameterType.StringList)
            return ParameterValue.OfList(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var bound = Convert(type, text.Trim());
        if (bound is null) error = $"Parameter '{declaration.Name}' of {rule.Id} {rule.Name} is {Article(type)}; found '{text}'.";
        return bound;
    }

    private static ParameterValue? Convert(ParameterType type, string text)
    {
        switch (type)
        {
            case ParameterType.Number:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? ParameterValue.OfNumber(number)
                    : null;
            case ParameterType.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? ParameterValue.OfInteger(integer) : null;
            case ParameterType.Boolean:
                return text switch
                {
                    "true" or "True" or "TRUE" => ParameterValue.OfBoolean(true),
                    "false" or "False" or "FALSE" => ParameterValue.OfBoolean(false),
                    _ => null,
                };
            default:
                return ParameterValue.OfString(text);
        }
    }

    private static string Article(ParameterType type) => type switch
    {
        ParameterType.Integer => "an integer",
        ParameterType.StringList => "a string-list",
        _ => "a " + ParameterValue.TypeName(type),
    };
}
