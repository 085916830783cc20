using System.Collections.Generic;

namespace VirtLint.RuleLanguage.Expressions;

/// <summary>What an argument position accepts. Non-node-set arguments are converted with XPath's string()/number()/boolean().</summary>
public enum ArgumentKind
{
    NodeSet,
    String,
    Number,
    Boolean,

    /// <summary>Any type, passed through unconverted (string(), number(), boolean()).</summary>
    Any,

    /// <summary>A string literal known at build time (a regular expression, compiled once).</summary>
    Literal,
}

/// <summary>
/// A built-in function. <see cref="ContextDefault"/> functions called with no argument apply to the context node, as in XPath.
/// </summary>
public sealed record FunctionSignature(
    string Name,
    ArgumentKind[] Parameters,
    int MinArguments,
    bool Variadic,
    ValueType Result,
    bool ContextDefault,
    string Summary)
{
    /// <summary>
    /// Positions of the arguments evaluated on each node of the first argument (with that node as the context node)
    /// rather than on the context node: the key of an indexed node-set.
    /// </summary>
    public int[] PerNodeArguments { get; init; } = [];

    public bool IsPerNodeArgument(int index) => System.Array.IndexOf(PerNodeArguments, index) >= 0;

    /// <summary>
    /// The run-time helper (a method of <c>VirtLint.Core.XPath.Xp</c>, or an index type for the indexed look-ups) both
    /// back ends call: the C# emitter prints a call to it and the run-time evaluator invokes it, so the two cannot
    /// drift apart. Empty for the functions that are operators of the language (<c>not</c>, <c>true</c>, <c>false</c>, <c>if</c>).
    /// </summary>
    public string Helper { get; init; } = "";
}

/// <summary>The functions rule expressions may call: XPath 1.0's core set plus the ones libvirt rules need.</summary>
public static class FunctionTable
{
    private static readonly Dictionary<string, FunctionSignature> Functions = Build();

    public static bool TryGet(string name, out FunctionSignature signature) => Functions.TryGetValue(name, out signature!);

    public static IEnumerable<FunctionSignature> All => Functions.Values;

    private static Dictionary<string, FunctionSignature> Build()
    {
        var table = new Dictionary<string, FunctionSignature>();
        void Add(string name, ValueType result, string summary, ArgumentKind[] parameters, int? min = null, bool variadic = false, bool contextDefault = false, int[]? perNode = null) =>
            table[name] = new FunctionSignature(name, parameters, min ?? parameters.Length, variadic, result, contextDefault, summary)
            {
                PerNodeArguments = perNode ?? [],
                Helper = HelperOf(name),
            };

        var ns = ArgumentKind.NodeSet;
        var s = ArgumentKind.String;
        var n = ArgumentKind.Number;
        var b = ArgumentKind.Boolean;

        // XPath 1.0 core functions.
        Add("count", ValueType.Number, "Number of nodes in a node-set.", [ns]);
        Add("sum", ValueType.Number, "Sum of the numeric values of a node-set.", [ns]);
        Add("string", ValueType.String, "String value (of the context node when called without argument).", [ArgumentKind.Any], 0, contextDefault: true);
        Add("number", ValueType.Number, "Numeric value; NaN when not a number.", [ArgumentKind.Any], 0, contextDefault: true);
        Add("boolean", ValueType.Boolean, "XPath truth value.", [ArgumentKind.Any]);
        Add("not", ValueType.Boolean, "Logical negation.", [b]);
        Add("true", ValueType.Boolean, "True.", []);
        Add("false", ValueType.Boolean, "False.", []);
        Add("contains", ValueType.Boolean, "Whether the first string contains the second.", [s, s]);
        Add("starts-with", ValueType.Boolean, "Whether the first string starts with the second.", [s, s]);
        Add("ends-with", ValueType.Boolean, "Whether the first string ends with the second.", [s, s]);
        Add("string-length", ValueType.Number, "Length in characters.", [s], 0, contextDefault: true);
        Add("normalize-space", ValueType.String, "Trims and collapses whitespace.", [s], 0, contextDefault: true);
        Add("concat", ValueType.String, "Concatenation of two or more strings.", [s, s], 2, variadic: true);
        Add("translate", ValueType.String, "Replaces characters of the second string by those of the third.", [s, s, s]);
        Add("substring-before", ValueType.String, "The part before the first occurrence.", [s, s]);
        Add("substring-after", ValueType.String, "The part after the first occurrence.", [s, s]);
        Add("substring", ValueType.String, "XPath substring (1-based start, optional length).", [s, n, n], 2);
        Add("lower-case", ValueType.String, "Lower-case (invariant culture).", [s]);
        Add("upper-case", ValueType.String, "Upper-case (invariant culture).", [s]);
        Add("floor", ValueType.Number, "Largest integer not greater.", [n]);
        Add("ceiling", ValueType.Number, "Smallest integer not smaller.", [n]);
        Add("round", ValueType.Number, "Nearest integer.", [n]);
        Add("name", ValueType.String, "Name of the first node (of the context node when called without argument).", [ns], 0, contextDefault: true);
        Add("local-name", ValueType.String, "Local name of the first node.", [ns], 0, contextDefault: true);

        // Extensions for libvirt documents.
        Add("exists", ValueType.Boolean, "Whether a node-set is non-empty.", [ns]);
        Add("max", ValueType.Number, "Largest numeric value in a node-set; NaN when empty.", [ns]);
        Add("min", ValueType.Number, "Smallest numeric value in a node-set; NaN when empty.", [ns]);
        Add("bytes", ValueType.Number, "A libvirt size in bytes, honouring unit= and the element's default unit (KiB for memory elements, bytes otherwise), or the default unit given.", [ns, s], 1);
        Add("matches", ValueType.Boolean, "Whether a string matches a regular expression (non-backtracking).", [s, ArgumentKind.Literal]);
        Add("in-subnet", ValueType.Boolean, "Whether an IPv4/IPv6 address lies in network/prefix (a prefix length or a netmask).", [s, s, s]);
        Add("ip-compare", ValueType.Number, "-1, 0 or 1 comparing two addresses of one family; NaN when either is invalid or families differ.", [s, s]);
        Add("is-ip-address", ValueType.Boolean, "Whether a string is an IPv4 or IPv6 address.", [s]);
        Add("network-address", ValueType.String, "The network address of address/prefix (a prefix length or a netmask).", [s, s]);
        Add("broadcast-address", ValueType.String, "The IPv4 broadcast (last) address of address/prefix.", [s, s]);
        Add("is-valid-netmask", ValueType.Boolean, "Whether a string is a contiguous IPv4 netmask.", [s]);
        Add("prefix-length", ValueType.Number, "The prefix length of a netmask or prefix string; NaN when invalid.", [s]);
        Add("default", ValueType.String, "default(value, 'fallback'): the value (a node-set's first node, or a string), or the fallback when there is none; for libvirt's defaults of missing attributes.", [ArgumentKind.Any, s]);
        Add("ip-prefix", ValueType.Number, "The prefix length libvirt uses for a network <ip> element: prefix, else netmask, else 64 for IPv6 and the classful default for IPv4; NaN when invalid.", [ns]);
        Add("if", ValueType.String, "if(condition, then, else): 'then' when the condition holds, else 'else'; the branches share one type.", [b, ArgumentKind.Any, ArgumentKind.Any]);
        Add("mode-looser-than", ValueType.Boolean, "Whether an octal permission mode grants any bit the second (octal) mode does not.", [s, s]);
        Add("cpuset-count", ValueType.Number, "How many CPUs a libvirt cpuset ('0-3,^2,8') names; NaN when invalid.", [s]);
        Add("cpusets-overlap", ValueType.Boolean, "Whether two libvirt cpusets share a CPU.", [s, s]);
        Add("uint", ValueType.Number, "An unsigned integer read the way libvirt reads numeric attributes (virStrToLong_uip with base 0): decimal, 0x hexadecimal or 0 octal, up to 4294967295; NaN otherwise.", [s], 0, contextDefault: true);
        Add("pci-address", ValueType.String, "The guest PCI address of an <address type='pci'> element as libvirt prints it (0000:00:1f.2), its fields read with uint(); empty for the empty address (domain, bus and slot 0: libvirt picks one) or an invalid field.", [ns]);
        Add("clean-path", ValueType.String, "A host file path as libvirt sanitises it (virFileSanitizePath): repeated slashes collapsed, a trailing slash dropped.", [s]);
        Add("directory-of", ValueType.String, "The directory holding a file path (after clean-path): '/' for a file at the root, empty when there is none.", [s]);
        Add("canonical-ip", ValueType.String, "An IPv4 or IPv6 address in one canonical text (no scope, IPv6 compressed, lower case), so equal addresses have equal text; empty when not an address.", [s]);

        // Indexed look-ups: the first argument is an absolute node-set, indexed once per document on first use.
        Add("first-with-same", ValueType.NodeSet, "first-with-same(nodes, key[, group]): the first of nodes whose key equals the context node's key (and whose group node is the same), other than the context node; for a node of nodes, the first earlier duplicate. An empty key is no key.", [ns, ArgumentKind.Any, ns], 2, perNode: [1, 2]);
        Add("first-with-key", ValueType.NodeSet, "first-with-key(nodes, key, value): the first of nodes whose key equals value. An empty key is no key.", [ns, ArgumentKind.Any, ArgumentKind.Any], perNode: [1]);
        Add("first-ip-range-containing", ValueType.NodeSet, "first-ip-range-containing(nodes, start, end, address[, group]): the first of nodes whose IP range from start to end (one family, start not above end) contains the address, within the context node's group; start, end and group are evaluated on each node, address on the context node.", [ns, s, s, s, ns], 4, perNode: [1, 2, 4]);
        Add("first-with-same-elsewhere", ValueType.NodeSet, "first-with-same-elsewhere(nodes, key, group): the first of nodes whose key equals the context node's key and whose group node is not the context node's (earlier or later). An empty key is no key.", [ns, ArgumentKind.Any, ns], perNode: [1, 2]);
        Add("all-with-key", ValueType.NodeSet, "all-with-key(nodes, key, value): every node of nodes whose key equals value, in document order. An empty key is no key.", [ns, ArgumentKind.Any, ArgumentKind.Any], perNode: [1]);
        Add("first-overlapping-ip-range", ValueType.NodeSet, "first-overlapping-ip-range(nodes, start, end[, group]): for a node of nodes, the first earlier node (of the same group, a string) whose IP range from start to end (one family, start not above end) overlaps its own.", [ns, s, s, s], 3, perNode: [1, 2, 3]);
        Add("first-overlapping-cpuset", ValueType.NodeSet, "first-overlapping-cpuset(nodes, cpuset): the first of nodes whose cpuset shares a CPU with the context node's cpuset, other than the context node; for a node of nodes, the first earlier one.", [ns, s], perNode: [1]);
        return table;
    }

    /// <summary>The helper's name: the function's name in PascalCase, except for the operators and the indexed look-ups.</summary>
    private static string HelperOf(string name) => name switch
    {
        "not" or "true" or "false" or "if" => "",
        "first-with-same" or "first-with-key" or "all-with-key" or "first-with-same-elsewhere" => "KeyIndex",
        "first-overlapping-ip-range" => "IpOverlapIndex",
        "first-overlapping-cpuset" => "CpuOwnerIndex",
        "first-ip-range-containing" => "IpRangeIndex",
        _ => Pascal(name),
    };

    private static string Pascal(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (var part in name.Split('-'))
            if (part.Length > 0) sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        return sb.ToString();
    }
}
