using System.Xml.Linq;
using VirtLint.Core.XPath;
using VirtLint.RuleLanguage;
using VirtLint.RuleLanguage.Expressions;
using ValueType = VirtLint.RuleLanguage.Expressions.ValueType;

namespace VirtLint.RuleRuntime;

internal sealed partial class PlanEvaluation
{
    /// <summary>
    /// The number helpers a check calls most (a PCI address field, a count), called without boxing their result when a
    /// number is asked for; <see cref="Call"/> boxes what they return. False for the other helpers.
    /// </summary>
    private bool TryNumberCall(FunctionCall call, string helper, XObject context, out double number)
    {
        var a = call.Arguments;
        switch (helper)
        {
            case "Uint": number = Xp.Uint(String(a[0], context)); return true;
            case "Number": number = ToNumber(a[0], context); return true;
            case "Count": number = Xp.Count(Nodes(a[0], context)); return true;
            case "StringLength": number = Xp.StringLength(String(a[0], context)); return true;
            default: number = 0; return false;
        }
    }

    /// <summary>The boolean helpers a check calls most, as <see cref="TryNumberCall"/>.</summary>
    private bool TryBooleanCall(FunctionCall call, string helper, XObject context, out bool truth)
    {
        var a = call.Arguments;
        switch (helper)
        {
            case "StartsWith": truth = Xp.StartsWith(String(a[0], context), String(a[1], context)); return true;
            case "EndsWith": truth = Xp.EndsWith(String(a[0], context), String(a[1], context)); return true;
            case "Contains": truth = Xp.Contains(String(a[0], context), String(a[1], context)); return true;
            case "Matches": truth = Xp.Matches(String(a[0], context), _rule.Pattern(((StringLiteral)a[1]).Value)); return true;
            default: truth = false; return false;
        }
    }

    /// <summary>The call's <see cref="FunctionSignature.Helper"/>: looked up once per call, whichever type is asked for.</summary>
    private static string HelperOf(FunctionCall call) => FunctionTable.TryGet(call.Function, out var signature)
        ? signature.Helper
        : throw new InvalidOperationException($"unknown function {call.Function}()");

    /// <summary>
    /// A function call, dispatched on <see cref="FunctionSignature.Helper"/>: the same table entry the emitter prints a
    /// call from, so a function has one helper whichever back end runs it.
    /// </summary>
    private object Call(FunctionCall call, XObject context) => Call(call, HelperOf(call), context);

    private object Call(FunctionCall call, string helper, XObject context)
    {
        var a = call.Arguments;
        switch (call.Function)
        {
            // The operators of the language; 'if' evaluates one branch only, as the emitted conditional does.
            case "not": return !Boolean(a[0], context);
            case "true": return true;
            case "false": return false;
            case "if": return Boolean(a[0], context) ? Eval(a[1], context) : Eval(a[2], context);
        }

        if (TryNumberCall(call, helper, context, out var number)) return number;
        if (TryBooleanCall(call, helper, context, out var truth)) return truth;
        return helper switch
        {
            "KeyIndex" or "CpuOwnerIndex" or "IpRangeIndex" or "IpOverlapIndex" => IndexedLookup(call, context),
            "String" => ToString(a[0], context),
            "Boolean" => ToBoolean(a[0], context),
            "Sum" => Xp.Sum(Nodes(a[0], context)),
            "Max" => Xp.Max(Nodes(a[0], context)),
            "Min" => Xp.Min(Nodes(a[0], context)),
            "Exists" => Exists(a[0], context),
            "Name" => TrySingle(a[0], context, out var node) ? Xp.Name(node) : Xp.Name(Nodes(a[0], context)),
            "LocalName" => Xp.LocalName(Nodes(a[0], context)),
            "IpPrefix" => Xp.IpPrefix(Nodes(a[0], context)),
            // A path to at most one node (an attribute, '.') is read without gathering a node-set, as the emitter does.
            "PciAddress" => TrySingle(a[0], context, out var address) ? Xp.PciAddress(address) : Xp.PciAddress(Nodes(a[0], context)),
            "Bytes" => TrySingle(a[0], context, out var size)
                ? a.Count == 1 ? Xp.Bytes(size) : Xp.Bytes(size, String(a[1], context))
                : a.Count == 1 ? Xp.Bytes(Nodes(a[0], context)) : Xp.Bytes(Nodes(a[0], context), String(a[1], context)),
            "Default" => a[0].Type != ValueType.NodeSet
                ? Xp.Default(String(a[0], context), String(a[1], context))
                : TrySingle(a[0], context, out var value)
                    ? Xp.Default(value, String(a[1], context))
                    : Xp.Default(Nodes(a[0], context), String(a[1], context)),
            "NormalizeSpace" => Xp.NormalizeSpace(String(a[0], context)),
            "Concat" => Xp.Concat(Strings(a, context)),
            "Translate" => Xp.Translate(String(a[0], context), String(a[1], context), String(a[2], context)),
            "SubstringBefore" => Xp.SubstringBefore(String(a[0], context), String(a[1], context)),
            "SubstringAfter" => Xp.SubstringAfter(String(a[0], context), String(a[1], context)),
            "Substring" => a.Count == 2
                ? Xp.Substring(String(a[0], context), Number(a[1], context))
                : Xp.Substring(String(a[0], context), Number(a[1], context), Number(a[2], context)),
            "LowerCase" => Xp.LowerCase(String(a[0], context)),
            "UpperCase" => Xp.UpperCase(String(a[0], context)),
            "Floor" => Xp.Floor(Number(a[0], context)),
            "Ceiling" => Xp.Ceiling(Number(a[0], context)),
            "Round" => Xp.Round(Number(a[0], context)),
            "InSubnet" => Xp.InSubnet(String(a[0], context), String(a[1], context), String(a[2], context)),
            "IpCompare" => Xp.IpCompare(String(a[0], context), String(a[1], context)),
            "IsIpAddress" => Xp.IsIpAddress(String(a[0], context)),
            "NetworkAddress" => Xp.NetworkAddress(String(a[0], context), String(a[1], context)),
            "BroadcastAddress" => Xp.BroadcastAddress(String(a[0], context), String(a[1], context)),
            "IsValidNetmask" => Xp.IsValidNetmask(String(a[0], context)),
            "PrefixLength" => Xp.PrefixLength(String(a[0], context)),
            "ModeLooserThan" => Xp.ModeLooserThan(String(a[0], context), String(a[1], context)),
            "CpusetCount" => Xp.CpusetCount(String(a[0], context)),
            "CpusetsOverlap" => Xp.CpusetsOverlap(String(a[0], context), String(a[1], context)),
            "CanonicalIp" => Xp.CanonicalIp(String(a[0], context)),
            "CleanPath" => Xp.CleanPath(String(a[0], context)),
            "DirectoryOf" => Xp.DirectoryOf(String(a[0], context)),
            _ => throw new InvalidOperationException($"{call.Function}() has no run-time helper '{helper}'"),
        };
    }

    /// <summary>The helpers the evaluator calls, by <see cref="FunctionSignature.Helper"/>; a test checks it covers the function table.</summary>
    internal static readonly string[] KnownHelpers =
    [
        "", "KeyIndex", "CpuOwnerIndex", "IpRangeIndex", "String", "Number", "Boolean", "Count", "Sum", "Max", "Min", "Exists", "Name",
        "LocalName", "IpPrefix", "PciAddress", "Bytes", "Default", "Contains", "StartsWith", "EndsWith", "StringLength",
        "NormalizeSpace", "Concat", "Translate", "SubstringBefore", "SubstringAfter", "Substring", "LowerCase", "UpperCase",
        "Floor", "Ceiling", "Round", "Matches", "InSubnet", "IpCompare", "IsIpAddress", "NetworkAddress", "BroadcastAddress",
        "IsValidNetmask", "PrefixLength", "ModeLooserThan", "CpusetCount", "CpusetsOverlap", "Uint", "CanonicalIp",
        "IpOverlapIndex", "CleanPath", "DirectoryOf",
    ];

    private string[] Strings(EquatableArray<Expr> arguments, XObject context)
    {
        var values = new string[arguments.Count];
        for (var i = 0; i < values.Length; i++) values[i] = String(arguments[i], context);
        return values;
    }

    // ---- indexed look-ups ----

    /// <summary>
    /// An indexed look-up: its index is built once per document (on first use), from the node-set and the per-node
    /// arguments evaluated on each indexed node; the value argument belongs to the context node.
    /// </summary>
    private object IndexedLookup(FunctionCall call, XObject context)
    {
        var a = call.Arguments;
        switch (call.Function)
        {
            case "first-with-same":
                return ((KeyIndex)Index(call, () => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n), Group(a, 2)))).FirstWithSame(context);
            case "first-with-key":
                return ((KeyIndex)Index(call, () => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n)))).FirstWithKey(context, Key(a[2], context));
            case "first-with-same-elsewhere":
                return ((KeyIndex)Index(call, () => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n), Group(a, 2)))).FirstWithSameElsewhere(context);
            case "all-with-key":
                return ((KeyIndex)Index(call, () => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n)))).AllWithKey(context, Key(a[2], context));
            case "first-overlapping-ip-range":
                return ((IpOverlapIndex)Index(call, () => new IpOverlapIndex(n => Nodes(a[0], n), n => String(a[1], n), n => String(a[2], n), a.Count > 3 ? n => String(a[3], n) : null))).FirstOverlapping(context);
            case "first-overlapping-cpuset":
                return ((CpuOwnerIndex)Index(call, () => new CpuOwnerIndex(n => Nodes(a[0], n), n => String(a[1], n)))).FirstOverlapping(context);
            default:
                var index = (IpRangeIndex)Index(call, () => new IpRangeIndex(n => Nodes(a[0], n), n => String(a[1], n), n => String(a[2], n), Group(a, 4)));
                return index.FirstContaining(context, String(a[3], context));
        }
    }

    private object Index(FunctionCall call, Func<object> create)
    {
        if (!_indexes.TryGetValue(call, out var index)) _indexes[call] = index = create();
        return index;
    }

    private Func<XObject, XObject?>? Group(EquatableArray<Expr> arguments, int position) =>
        arguments.Count > position ? n => Xp.FirstOrNull(Nodes(arguments[position], n)) : null;

    /// <summary>A key as the index compares it: a string, or a number's text (NaN is no key).</summary>
    private string Key(Expr key, XObject context) =>
        key.Type == ValueType.Number ? Xp.NumberKey(Number(key, context)) : String(key, context);
}
