using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using System.Xml.Xsl;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage.Expressions;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime.Tests.Oracle;

/// <summary>
/// The reference XPath 1.0 engine (System.Xml.XPath) with VirtLint's extension functions and the rule's variables
/// supplied through an <see cref="XsltContext"/>. The core functions, paths, operators and conversions are the
/// reference engine's own; the extensions call the Xp helpers (they have no other definition).
/// </summary>
internal sealed class OracleContext : XsltContext
{
    private readonly Dictionary<string, Func<object>> _variables = new(StringComparer.Ordinal);

    public OracleContext() : base(new NameTable())
    {
    }

    public void Set(string name, Func<object> value) => _variables[name] = value;

    public override IXsltContextFunction ResolveFunction(string prefix, string name, XPathResultType[] argTypes) =>
        FunctionTable.TryGet(name, out var signature) ? new Function(signature, argTypes.Length) : throw new XPathException($"unknown function {name}()");

    public override IXsltContextVariable ResolveVariable(string prefix, string name) => new Variable(this, name);

    public override bool Whitespace => true;

    public override bool PreserveWhitespace(XPathNavigator node) => true;

    public override int CompareDocument(string baseUri, string nextbaseUri) => string.CompareOrdinal(baseUri, nextbaseUri);

    /// <summary>A list parameter as XPath sees it: a node-set of text-valued elements, which compares like the list.</summary>
    public static XPathNodeIterator ListValue(IReadOnlyList<string> values) =>
        new XDocument(new XElement("list", values.Select(v => new XElement("v", v)))).CreateNavigator().Select("/list/v");

    // Looked up at evaluation time: a let's value changes with the context node.
    private sealed class Variable(OracleContext context, string name) : IXsltContextVariable
    {
        public bool IsLocal => false;

        public bool IsParam => false;

        public XPathResultType VariableType => XPathResultType.Any;

        public object Evaluate(XsltContext xsltContext)
        {
            var value = context._variables.TryGetValue(name, out var get) ? get() : throw new XPathException($"unknown variable ${name}");
            return value is XPathNodeIterator iterator ? iterator.Clone() : value;
        }
    }

    private sealed class Function(FunctionSignature signature, int count) : IXsltContextFunction
    {
        public int Minargs => count;

        public int Maxargs => count;

        public XPathResultType ReturnType => signature.Name == "if" ? XPathResultType.Any : signature.Result switch
        {
            ValueType.String => XPathResultType.String,
            ValueType.Number => XPathResultType.Number,
            ValueType.Boolean => XPathResultType.Boolean,
            _ => XPathResultType.Any,
        };

        public XPathResultType[] ArgTypes => Enumerable.Repeat(XPathResultType.Any, count).ToArray();

        public object Invoke(XsltContext xsltContext, object[] args, XPathNavigator docContext)
        {
            string S(int i) => StringOf(args[i]);
            IEnumerable<XObject> N(int i) => NodesOf(args[i]);
            return signature.Name switch
            {
                "exists" => Xp.Exists(N(0)),
                "max" => Xp.Max(N(0)),
                "min" => Xp.Min(N(0)),
                "bytes" => count == 1 ? Xp.Bytes(N(0)) : Xp.Bytes(N(0), S(1)),
                "matches" => Xp.Matches(S(0), Xp.Pattern(S(1))),
                "in-subnet" => Xp.InSubnet(S(0), S(1), S(2)),
                "ip-compare" => Xp.IpCompare(S(0), S(1)),
                "is-ip-address" => Xp.IsIpAddress(S(0)),
                "network-address" => Xp.NetworkAddress(S(0), S(1)),
                "broadcast-address" => Xp.BroadcastAddress(S(0), S(1)),
                "is-valid-netmask" => Xp.IsValidNetmask(S(0)),
                "prefix-length" => Xp.PrefixLength(S(0)),
                "default" => args[0] is XPathNodeIterator ? Xp.Default(N(0), S(1)) : Xp.Default(S(0), S(1)),
                "ip-prefix" => Xp.IpPrefix(N(0)),
                "if" => If(args[0], args[1], args[2]),
                "mode-looser-than" => Xp.ModeLooserThan(S(0), S(1)),
                "cpuset-count" => Xp.CpusetCount(S(0)),
                "cpusets-overlap" => Xp.CpusetsOverlap(S(0), S(1)),
                "uint" => Xp.Uint(count == 0 ? docContext.Value : S(0)),
                "pci-address" => Xp.PciAddress(N(0)),
                "canonical-ip" => Xp.CanonicalIp(S(0)),
                "ends-with" => S(0).EndsWith(S(1), StringComparison.Ordinal),
                "lower-case" => S(0).ToLowerInvariant(),
                "upper-case" => S(0).ToUpperInvariant(),
                _ => throw new XPathException($"{signature.Name}() is not available to the oracle"),
            };
        }

        // 'if' returns its branches' common type: the same, else string, number, boolean in that order (rules/README.md).
        // The type comes from the branches themselves, since one table entry stands for every overload.
        private static object If(object condition, object then, object otherwise)
        {
            var chosen = BooleanOf(condition) ? then : otherwise;
            if (then.GetType() == otherwise.GetType() || (then is XPathNodeIterator && otherwise is XPathNodeIterator)) return chosen;
            if (then is string or XPathNodeIterator || otherwise is string or XPathNodeIterator) return StringOf(chosen);
            if (then is double || otherwise is double) return NumberOf(chosen);
            return BooleanOf(chosen);
        }

        private static double NumberOf(object value) => value switch
        {
            double d => d,
            bool b => b ? 1 : 0,
            _ => Xp.Number(StringOf(value)),
        };
    }

    public static List<XObject> NodesOf(object value) =>
        value is XPathNodeIterator iterator ? Navigators(iterator.Clone()).Select(n => (XObject)n.UnderlyingObject!).ToList() : throw new XPathException("not a node-set");

    public static List<XPathNavigator> Navigators(XPathNodeIterator iterator)
    {
        var result = new List<XPathNavigator>();
        while (iterator.MoveNext()) result.Add(iterator.Current!.Clone());
        return result;
    }

    public static string StringOf(object value) => value switch
    {
        string s => s,
        double d => Xp.String(d),
        bool b => b ? "true" : "false",
        XPathNodeIterator i => i.Clone() is var c && c.MoveNext() ? c.Current!.Value : "",
        _ => value.ToString() ?? "",
    };

    public static bool BooleanOf(object value) => value switch
    {
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        XPathNodeIterator i => i.Clone().MoveNext(),
        _ => false,
    };
}
