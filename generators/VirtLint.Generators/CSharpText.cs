using System.Globalization;
using System.Text;

namespace VirtLint.Generators;

/// <summary>Turns values into C# source text: string and number literals, identifiers.</summary>
internal static class CSharpText
{
    public static string Literal(string? value)
    {
        if (value is null) return "null";
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    public static string Literal(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    /// <summary>kebab-case or snake_case to PascalCase: "disk-bus-not-virtio" → "DiskBusNotVirtio".</summary>
    public static string Pascal(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c == '-' || c == '_' || c == '.')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>A variable name as a C# identifier with a prefix that keeps it clear of keywords.</summary>
    public static string Identifier(string prefix, string name) => prefix + name.Replace('-', '_').Replace('.', '_');
}
