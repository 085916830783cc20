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

    /// <summary>
    /// A rule name (a variable, an element or attribute name) as a C# identifier, with a prefix that keeps it clear of
    /// keywords, and different names never mapping to one identifier. Names of letters, digits and single '-' (almost
    /// all) read naturally, '-' becoming '_' (such names never hold '_' and never two '-' in a row); any other name is
    /// escaped ('_' → "__", '-' → "_h", '.' → "_d"), which cannot produce the first form: "a-b" is a_b, "a_b" is a__b.
    /// </summary>
    public static string Identifier(string prefix, string name)
    {
        if (name.IndexOf('_') < 0 && name.IndexOf('.') < 0) return prefix + name.Replace('-', '_');
        var sb = new StringBuilder(prefix, prefix.Length + name.Length * 2);
        foreach (var c in name)
        {
            switch (c)
            {
                case '_': sb.Append("__"); break;
                case '-': sb.Append("_h"); break;
                case '.': sb.Append("_d"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
