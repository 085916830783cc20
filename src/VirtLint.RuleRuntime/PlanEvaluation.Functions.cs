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
    private bool TryNumberCall(FunctionCall call, Helper helper, XObject context, out double number)
    {
        var a = call.Arguments;
        switch (helper)
        {
            case Helper.Uint: number = Xp.Uint(String(a[0], context)); return true;
            case Helper.Number: number = ToNumber(a[0], context); return true;
            case Helper.Count: number = Xp.Count(Nodes(a[0], context)); return true;
            case Helper.StringLength: number = Xp.StringLength(String(a[0], context)); return true;
            default: number = 0; return false;
        }
    }

    /// <summary>The boolean helpers a check calls most, as <see cref="TryNumberCall"/>.</summary>
    private bool TryBooleanCall(FunctionCall call, Helper helper, XObject context, out bool truth)
    {
        var a = call.Arguments;
        switch (helper)
        {
            case Helper.StartsWith: truth = Xp.StartsWith(String(a[0], context), String(a[1], context)); return true;
            case Helper.EndsWith: truth = Xp.EndsWith(String(a[0], context), String(a[1], context)); return true;
            case Helper.Contains: truth = Xp.Contains(String(a[0], context), String(a[1], context)); return true;
            case Helper.Matches: truth = Xp.Matches(String(a[0], context), _rule.Pattern(((StringLiteral)a[1]).Value)); return true;
            default: truth = false; return false;
        }
    }

    /// <summary>The call's <see cref="FunctionSignature.Helper"/>, resolved when the rule loaded.</summary>
    private Helper HelperOf(FunctionCall call) => _rule.HelperOf(call);

    /// <summary>
    /// A function call, dispatched on <see cref="FunctionSignature.Helper"/>: the same table entry the emitter prints a
    /// call from, so a function has one helper whichever back end runs it.
    /// </summary>
    private object Call(FunctionCall call, XObject context) => Call(call, HelperOf(call), context);

    private object Call(FunctionCall call, Helper helper, XObject context)
    {
        var a = call.Arguments;
        if (helper == Helper.Operator)
        {
            // The operators of the language; 'if' evaluates one branch only, as the emitted conditional does.
            switch (call.Function)
            {
                case "not": return Boxes.Of(!Boolean(a[0], context));
                case "true": return Boxes.True;
                case "false": return Boxes.False;
                case "if": return Boolean(a[0], context) ? Eval(a[1], context) : Eval(a[2], context);
            }
        }

        if (TryNumberCall(call, helper, context, out var number)) return Boxes.Of(number);
        if (TryBooleanCall(call, helper, context, out var truth)) return Boxes.Of(truth);
        return helper switch
        {
            Helper.KeyIndex or Helper.CpuOwnerIndex or Helper.IpRangeIndex or Helper.IpOverlapIndex => IndexedLookup(call, context),
            Helper.String => ToString(a[0], context),
            Helper.Boolean => Boxes.Of(ToBoolean(a[0], context)),
            Helper.Sum => Xp.Sum(Nodes(a[0], context)),
            Helper.Max => Xp.Max(Nodes(a[0], context)),
            Helper.Min => Xp.Min(Nodes(a[0], context)),
            Helper.Exists => Boxes.Of(Exists(a[0], context)),
            Helper.Name => TrySingle(a[0], context, out var node) ? Xp.Name(node) : Xp.Name(Nodes(a[0], context)),
            Helper.LocalName => Xp.LocalName(Nodes(a[0], context)),
            Helper.IpPrefix => Xp.IpPrefix(Nodes(a[0], context)),
            // A path to at most one node (an attribute, '.') is read without gathering a node-set, as the emitter does.
            Helper.PciAddress => TrySingle(a[0], context, out var address) ? Xp.PciAddress(address) : Xp.PciAddress(Nodes(a[0], context)),
            Helper.Bytes => TrySingle(a[0], context, out var size)
                ? a.Count == 1 ? Xp.Bytes(size) : Xp.Bytes(size, String(a[1], context))
                : a.Count == 1 ? Xp.Bytes(Nodes(a[0], context)) : Xp.Bytes(Nodes(a[0], context), String(a[1], context)),
            Helper.Default => a[0].Type != ValueType.NodeSet
                ? Xp.Default(String(a[0], context), String(a[1], context))
                : TrySingle(a[0], context, out var value)
                    ? Xp.Default(value, String(a[1], context))
                    : Xp.Default(Nodes(a[0], context), String(a[1], context)),
            Helper.NormalizeSpace => Xp.NormalizeSpace(String(a[0], context)),
            Helper.Concat => Xp.Concat(Strings(a, context)),
            Helper.Translate => Xp.Translate(String(a[0], context), String(a[1], context), String(a[2], context)),
            Helper.SubstringBefore => Xp.SubstringBefore(String(a[0], context), String(a[1], context)),
            Helper.SubstringAfter => Xp.SubstringAfter(String(a[0], context), String(a[1], context)),
            Helper.Substring => a.Count == 2
                ? Xp.Substring(String(a[0], context), Number(a[1], context))
                : Xp.Substring(String(a[0], context), Number(a[1], context), Number(a[2], context)),
            Helper.LowerCase => Xp.LowerCase(String(a[0], context)),
            Helper.UpperCase => Xp.UpperCase(String(a[0], context)),
            Helper.Floor => Xp.Floor(Number(a[0], context)),
            Helper.Ceiling => Xp.Ceiling(Number(a[0], context)),
            Helper.Round => Xp.Round(Number(a[0], context)),
            Helper.InSubnet => Xp.InSubnet(String(a[0], context), String(a[1], context), String(a[2], context)),
            Helper.IpCompare => Xp.IpCompare(String(a[0], context), String(a[1], context)),
            Helper.IsIpAddress => Xp.IsIpAddress(String(a[0], context)),
            Helper.NetworkAddress => Xp.NetworkAddress(String(a[0], context), String(a[1], context)),
            Helper.BroadcastAddress => Xp.BroadcastAddress(String(a[0], context), String(a[1], context)),
            Helper.IsValidNetmask => Xp.IsValidNetmask(String(a[0], context)),
            Helper.PrefixLength => Xp.PrefixLength(String(a[0], context)),
            Helper.ModeLooserThan => Xp.ModeLooserThan(String(a[0], context), String(a[1], context)),
            Helper.CpusetCount => Xp.CpusetCount(String(a[0], context)),
            Helper.CpusetsOverlap => Xp.CpusetsOverlap(String(a[0], context), String(a[1], context)),
            Helper.CanonicalIp => Xp.CanonicalIp(String(a[0], context)),
            Helper.CleanPath => Xp.CleanPath(String(a[0], context)),
            Helper.DirectoryOf => Xp.DirectoryOf(String(a[0], context)),
            _ => throw new InvalidOperationException($"{call.Function}() has no run-time helper"),
        };
    }

    /// <summary>The helpers the evaluator calls, by <see cref="FunctionSignature.Helper"/>; a test checks it covers the function table.</summary>
    internal static string[] KnownHelpers => Helpers.ByName.Names;

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
        var indexes = _indexes ??= new object?[_rule.IndexCount];
        var slot = _rule.IndexSlotOf(call);
        var index = indexes[slot] ??= NewIndex(call);
        var a = call.Arguments;
        return call.Function switch
        {
            "first-with-same" => ((KeyIndex)index).FirstWithSame(context),
            "first-with-key" => ((KeyIndex)index).FirstWithKey(context, Key(a[2], context)),
            "first-with-same-elsewhere" => ((KeyIndex)index).FirstWithSameElsewhere(context),
            "all-with-key" => ((KeyIndex)index).AllWithKey(context, Key(a[2], context)),
            "first-overlapping-ip-range" => ((IpOverlapIndex)index).FirstOverlapping(context),
            "first-overlapping-cpuset" => ((CpuOwnerIndex)index).FirstOverlapping(context),
            _ => ((IpRangeIndex)index).FirstContaining(context, String(a[3], context)),
        };
    }

    /// <summary>The index of an indexed look-up, for this document: over the call's node-set, keyed by its per-node arguments.</summary>
    private object NewIndex(FunctionCall call)
    {
        var a = call.Arguments;
        return call.Function switch
        {
            "first-with-same" or "first-with-same-elsewhere" => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n), Group(a, 2)),
            "first-with-key" or "all-with-key" => new KeyIndex(n => Nodes(a[0], n), n => Key(a[1], n)),
            "first-overlapping-ip-range" => new IpOverlapIndex(n => Nodes(a[0], n), n => String(a[1], n), n => String(a[2], n), a.Count > 3 ? n => String(a[3], n) : null),
            "first-overlapping-cpuset" => new CpuOwnerIndex(n => Nodes(a[0], n), n => String(a[1], n)),
            _ => new IpRangeIndex(n => Nodes(a[0], n), n => String(a[1], n), n => String(a[2], n), Group(a, 4)),
        };
    }

    private Func<XObject, XObject?>? Group(EquatableArray<Expr> arguments, int position) =>
        arguments.Count > position ? n => First(arguments[position], n) : null;

    /// <summary>A key as the index compares it: a string, or a number's text (NaN is no key).</summary>
    private string Key(Expr key, XObject context) =>
        key.Type == ValueType.Number ? Xp.NumberKey(Number(key, context)) : String(key, context);
}
