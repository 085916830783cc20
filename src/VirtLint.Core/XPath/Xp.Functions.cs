using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace VirtLint.Core.XPath;

/// <summary>The functions rule expressions call, with XPath 1.0 semantics where XPath defines them.</summary>
public static partial class Xp
{
    public static double Count(IEnumerable<XObject> nodes) => nodes.Count();

    public static double Sum(IEnumerable<XObject> nodes) => nodes.Sum(n => Number(StringValue(n)));

    public static double Max(IEnumerable<XObject> nodes)
    {
        var values = nodes.Select(n => Number(StringValue(n))).ToArray();
        return values.Length == 0 ? double.NaN : values.Max();
    }

    public static double Min(IEnumerable<XObject> nodes)
    {
        var values = nodes.Select(n => Number(StringValue(n))).ToArray();
        return values.Length == 0 ? double.NaN : values.Min();
    }

    public static bool Exists(IEnumerable<XObject> nodes) => nodes.Any();

    public static bool Contains(string s, string part) => s.Contains(part, StringComparison.Ordinal);

    public static bool StartsWith(string s, string prefix) => s.StartsWith(prefix, StringComparison.Ordinal);

    public static bool EndsWith(string s, string suffix) => s.EndsWith(suffix, StringComparison.Ordinal);

    public static double StringLength(string s) => s.Length;

    /// <summary>XPath's normalize-space(): the string itself when it is already normal (the usual case: no copy).</summary>
    public static string NormalizeSpace(string s) => IsNormalSpace(s) ? s : Normalized(s);

    // Out of line: values are nearly always normal already, and checkers inline the test above.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Normalized(string s)
    {
        var normal = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!IsXmlSpace(c)) normal.Append(c);
            else if (normal.Length > 0 && normal[^1] != ' ') normal.Append(' ');
        }

        if (normal.Length > 0 && normal[^1] == ' ') normal.Length--;
        return normal.ToString();
    }

    private static bool IsNormalSpace(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\t' or '\r' or '\n') return false;
            if (c == ' ' && (i == 0 || i == s.Length - 1 || s[i + 1] == ' ')) return false;
        }

        return true;
    }

    private static bool IsXmlSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    public static string Concat(params ReadOnlySpan<string> parts) => string.Concat(parts);

    public static string Translate(string s, string from, string to)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var index = from.IndexOf(c);
            if (index < 0) sb.Append(c);
            else if (index < to.Length) sb.Append(to[index]);
        }

        return sb.ToString();
    }

    public static string SubstringBefore(string s, string part)
    {
        var index = s.IndexOf(part, StringComparison.Ordinal);
        return index < 0 ? "" : s[..index];
    }

    public static string SubstringAfter(string s, string part)
    {
        var index = s.IndexOf(part, StringComparison.Ordinal);
        return index < 0 ? "" : s[(index + part.Length)..];
    }

    /// <summary>XPath substring(): 1-based, rounding its arguments, characters whose position p satisfies start ≤ p &lt; start + length.</summary>
    public static string Substring(string s, double start, double length = double.PositiveInfinity)
    {
        var first = Round(start);
        var last = first + Round(length);
        if (double.IsNaN(first) || double.IsNaN(last)) return "";
        var sb = new StringBuilder();
        for (var p = 1; p <= s.Length; p++)
            if (p >= first && p < last) sb.Append(s[p - 1]);
        return sb.ToString();
    }

    public static string LowerCase(string s) => s.ToLowerInvariant();

    public static string UpperCase(string s) => s.ToUpperInvariant();

    public static double Floor(double x) => Math.Floor(x);

    public static double Ceiling(double x) => Math.Ceiling(x);

    public static double Round(double x) => double.IsNaN(x) || double.IsInfinity(x) ? x : Math.Floor(x + 0.5);

    public static string Name(IEnumerable<XObject> nodes) => nodes.FirstOrDefault() switch
    {
        XElement e => e.Name.LocalName,
        XAttribute a => a.Name.LocalName,
        _ => "",
    };

    public static string LocalName(IEnumerable<XObject> nodes) => Name(nodes);

    public static bool Matches(string s, Regex pattern) =>
        pattern is UnusablePattern unusable ? throw unusable.Failure() : pattern.IsMatch(s);

    /// <summary>
    /// Patterns are compiled once per rule, with the non-backtracking engine so matching time is linear. A pattern the
    /// engine refuses must not throw here: this runs in a rule's static initialiser, whose failure would end every
    /// command (even listing the rules). It fails the one rule that matches it instead, reported as an internal error.
    /// </summary>
    public static Regex Pattern(string pattern)
    {
        try
        {
            return new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return new UnusablePattern(pattern, e);
        }
    }

    private sealed class UnusablePattern(string source, Exception error) : Regex
    {
        public InvalidOperationException Failure() => new($"The pattern '{source}' cannot be used: {error.Message}", error);
    }
}
