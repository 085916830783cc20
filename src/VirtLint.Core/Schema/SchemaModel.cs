using System.Collections.Frozen;
using System.Xml;
using System.Xml.Linq;

namespace VirtLint.Core.Schema;

/// <summary>
/// The per-context model of one document kind, compiled from <c>generators/libvirt-schema-model.txt</c> into flat
/// tables at build time (nothing is parsed at run time). A context says which attributes (with their closed value
/// sets), child elements and text values an element may have there; context 0 stands for the document, whose children
/// are the root elements. Lookups by name are hash look-ups in a context's map (made on first use) or binary searches
/// over ordinally sorted names, so checking a document costs time linear in its size.
/// </summary>
/// <remarks>
/// Layout of <c>data</c> at <c>contextOffsets[c]</c>:
/// <c>flags</c> (1 any attribute, 2 any child), the switch attribute's string id or -1, the context for an element
/// without that attribute or -1, then three sorted lists, each a count followed by pairs: cases (value string id,
/// context), attributes (name string id, value-set id or -1 for any value), children (name string id, context); and
/// last the text's value-set id or -1. A value set at <c>valueSetOffsets[v]</c> is a count followed by string ids.
/// String ids index <c>strings</c>, which is sorted ordinally, so every list sorted by id is sorted by name.
/// </remarks>
public sealed class SchemaModel
{
    public const int DocumentContext = 0;
    public const int None = -1;

    private const int AnyAttributeFlag = 1;
    private const int AnyChildFlag = 2;

    private readonly string[] _strings;
    private readonly string[] _contextNames;
    private readonly int[] _contextOffsets;
    private readonly int[] _valueSetOffsets;
    private readonly int[] _data;

    private readonly XName?[] _switchNames;

    // Each context's children and attributes by name, made on first use (see MapOf).
    private readonly XNameMap<int>?[] _childMaps;
    private readonly XNameMap<int>?[] _attributeMaps;

    // Each closed value set as a set, and each context's cases by value, made on first use (see SetOf and CasesOf).
    private readonly FrozenSet<string>?[] _valueSets;
    private readonly FrozenDictionary<string, int>?[] _cases;

    // Where each context's attribute and child lists start, and its text's value set: read for every element checked.
    private readonly int[] _attributeLists;
    private readonly int[] _childLists;
    private readonly int[] _textValueSets;

    /// <exception cref="ArgumentException">The tables are inconsistent (a generator bug): checked once, up front.</exception>
    public SchemaModel(string kind, string[] strings, string[] contextNames, int[] contextOffsets, int[] valueSetOffsets, int[] data)
    {
        Kind = kind;
        _strings = strings;
        _contextNames = contextNames;
        _contextOffsets = contextOffsets;
        _valueSetOffsets = valueSetOffsets;
        _data = data;
        Validate();
        _switchNames = SwitchNames();
        _attributeLists = new int[_contextOffsets.Length];
        _childLists = new int[_contextOffsets.Length];
        _textValueSets = new int[_contextOffsets.Length];
        _childMaps = new XNameMap<int>?[_contextOffsets.Length];
        _attributeMaps = new XNameMap<int>?[_contextOffsets.Length];
        _valueSets = new FrozenSet<string>?[_valueSetOffsets.Length];
        _cases = new FrozenDictionary<string, int>?[_contextOffsets.Length];
        for (var context = 0; context < _contextOffsets.Length; context++)
        {
            _attributeLists[context] = AttributesStart(_contextOffsets[context]);
            _childLists[context] = ChildrenStart(_contextOffsets[context]);
            _textValueSets[context] = _data[_childLists[context] + 1 + 2 * _data[_childLists[context]]];
        }
    }

    /// <summary>The document kind: domain, pool, volume or network.</summary>
    public string Kind { get; }

    public int ContextCount => _contextOffsets.Length;

    /// <summary>The context's name in the model file, e.g. <c>domain/devices/disk[@type='file']</c>.</summary>
    public string ContextName(int context) => _contextNames[context];

    public bool AllowsAnyAttribute(int context) => (_data[_contextOffsets[context]] & AnyAttributeFlag) != 0;

    /// <summary>Any child element is allowed there, and what is inside it is not checked (<c>&lt;metadata&gt;</c>).</summary>
    public bool AllowsAnyChild(int context) => (_data[_contextOffsets[context]] & AnyChildFlag) != 0;

    /// <summary>The attribute whose value narrows the context, or null.</summary>
    public string? SwitchAttribute(int context)
    {
        var id = _data[_contextOffsets[context] + 1];
        return id == None ? null : _strings[id];
    }

    /// <summary>
    /// The narrower context for an element whose switch attribute has <paramref name="value"/> (null: the element
    /// has no such attribute), or the context itself when the value does not narrow it.
    /// </summary>
    public int Narrow(int context, string? value)
    {
        var offset = _contextOffsets[context];
        if (_data[offset + 1] == None)
            return context;
        if (value is null)
            return _data[offset + 2] == None ? context : _data[offset + 2];
        var cases = Volatile.Read(ref _cases[context]) ?? CasesOf(context);
        return cases.TryGetValue(value, out var narrowed) ? narrowed : context;
    }

    /// <summary>A context's cases (value to narrower context), made on first use as the value sets are (see <see cref="SetOf"/>).</summary>
    private FrozenDictionary<string, int> CasesOf(int context)
    {
        var list = CasesStart(_contextOffsets[context]);
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _data[list]; i++) cases[_strings[_data[list + 1 + 2 * i]]] = _data[list + 2 + 2 * i];
        var frozen = cases.ToFrozenDictionary(StringComparer.Ordinal);
        Volatile.Write(ref _cases[context], frozen);
        return frozen;
    }

    /// <summary>The attribute whose value narrows the context, as a name, or null.</summary>
    public XName? SwitchAttributeName(int context) => _switchNames[context];

    /// <summary>As <see cref="TryGetChild(int, string, out int)"/> for an element name without a namespace.</summary>
    public bool TryGetChild(int context, XName name, out int child) =>
        (Volatile.Read(ref _childMaps[context]) ?? MapOf(_childMaps, context, _childLists[context])).TryGetValue(name, out child) || Missing(out child);

    /// <summary>As <see cref="TryGetAttribute(int, string, out int)"/> for an attribute name without a namespace.</summary>
    public bool TryGetAttribute(int context, XName name, out int valueSet) =>
        (Volatile.Read(ref _attributeMaps[context]) ?? MapOf(_attributeMaps, context, _attributeLists[context])).TryGetValue(name, out valueSet) || Missing(out valueSet);

    private static bool Missing(out int target)
    {
        target = None;
        return false;
    }

    /// <summary>
    /// A context's list (children or attributes) as a map by atomised name, made on the context's first look-up: one
    /// reference-hashed look-up per node instead of a look-up of the name's id and a binary search. Two threads may
    /// both make a context's map; they are equal, and either is kept.
    /// </summary>
    private XNameMap<int> MapOf(XNameMap<int>?[] maps, int context, int list)
    {
        var map = new XNameMap<int>();
        for (var i = 0; i < _data[list]; i++)
        {
            if (AsName(_data[list + 1 + 2 * i]) is { } name) map[name] = _data[list + 2 + 2 * i];
        }

        Volatile.Write(ref maps[context], map);
        return map;
    }

    public bool TryGetChild(int context, string name, out int child)
    {
        var index = Find(ChildrenStart(_contextOffsets[context]), name);
        child = index < 0 ? None : _data[index + 1];
        return index >= 0;
    }

    /// <summary>Whether the attribute is listed; <paramref name="valueSet"/> is its closed value set, or <see cref="None"/> for any value.</summary>
    public bool TryGetAttribute(int context, string name, out int valueSet)
    {
        var index = Find(AttributesStart(_contextOffsets[context]), name);
        valueSet = index < 0 ? None : _data[index + 1];
        return index >= 0;
    }

    /// <summary>The closed value set of the element's text, or <see cref="None"/>.</summary>
    public int TextValueSet(int context) => _textValueSets[context];

    /// <summary>Whether the value set holds <paramref name="value"/> (compared ordinally).</summary>
    public bool Contains(int valueSet, string value) =>
        (Volatile.Read(ref _valueSets[valueSet]) ?? SetOf(valueSet)).Contains(value);

    /// <summary>
    /// A value set as a frozen set, made on its first look-up: one hash of a short value instead of a binary search
    /// comparing it with a few of the set's strings, for nearly every attribute of a document. Two threads may both
    /// make a set; they are equal, and either is kept.
    /// </summary>
    private FrozenSet<string> SetOf(int valueSet)
    {
        var set = Values(valueSet).ToFrozenSet(StringComparer.Ordinal);
        Volatile.Write(ref _valueSets[valueSet], set);
        return set;
    }

    public IReadOnlyList<string> Values(int valueSet)
    {
        var offset = _valueSetOffsets[valueSet];
        var values = new string[_data[offset]];
        for (var i = 0; i < values.Length; i++) values[i] = _strings[_data[offset + 1 + i]];
        return values;
    }

    public IReadOnlyList<string> AttributeNames(int context) => Names(AttributesStart(_contextOffsets[context]));

    public IReadOnlyList<string> ChildNames(int context) => Names(ChildrenStart(_contextOffsets[context]));

    private int CasesStart(int offset) => offset + 3;

    private int AttributesStart(int offset)
    {
        var cases = CasesStart(offset);
        return cases + 1 + 2 * _data[cases];
    }

    private int ChildrenStart(int offset)
    {
        var attributes = AttributesStart(offset);
        return attributes + 1 + 2 * _data[attributes];
    }

    private IReadOnlyList<string> Names(int list)
    {
        var names = new string[_data[list]];
        for (var i = 0; i < names.Length; i++) names[i] = _strings[_data[list + 1 + 2 * i]];
        return names;
    }

    /// <summary>Binary search of a (string id, target) pair list by name; the pair's index in the data, or -1.</summary>
    private int Find(int list, string name)
    {
        int low = 0, high = _data[list] - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var pair = list + 1 + 2 * middle;
            var compare = string.CompareOrdinal(_strings[_data[pair]], name);
            if (compare == 0) return pair;
            if (compare < 0) low = middle + 1;
            else high = middle - 1;
        }

        return -1;
    }

    /// <summary>The switch attributes as XNames (no namespace); null where a context has none or it is no XML name.</summary>
    private XName?[] SwitchNames()
    {
        var switches = new XName?[_contextOffsets.Length];
        for (var context = 0; context < _contextOffsets.Length; context++)
        {
            if (_data[_contextOffsets[context] + 1] is var switchId and not None) switches[context] = AsName(switchId);
        }

        return switches;
    }

    /// <summary>A string of the model as an XName; null when it is no XML name (no document could have asked for it).</summary>
    private XName? AsName(int id)
    {
        var text = _strings[id];
        if (text.Length == 0 || !XmlConvert.IsStartNCNameChar(text[0])) return null;
        foreach (var c in text)
            if (!XmlConvert.IsNCNameChar(c)) return null;
        return XNamespace.None.GetName(text);
    }

    // Runs over every entry once, at first use; messages are built only when a check fails.
    private void Validate()
    {
        for (var i = 1; i < _strings.Length; i++)
        {
            if (string.CompareOrdinal(_strings[i - 1], _strings[i]) >= 0) Fail($"strings are not sorted at {i}");
        }

        if (_contextNames.Length != _contextOffsets.Length || _contextOffsets.Length == 0) Fail("context names and offsets differ");
        foreach (var offset in _valueSetOffsets)
        {
            if (offset < 0 || offset >= _data.Length || offset + _data[offset] >= _data.Length) Fail($"value set at {offset} is out of range");
            RequireSortedIds(offset + 1, _data[offset], 1);
            for (var i = 0; i < _data[offset]; i++) RequireToken(_data[offset + 1 + i]);
        }

        foreach (var offset in _contextOffsets)
        {
            if (offset < 0 || offset + 3 >= _data.Length) Fail($"context at {offset} is out of range");
            RequireString(_data[offset + 1], allowNone: true);
            RequireContext(_data[offset + 2], allowNone: true);
            var list = CasesStart(offset);
            for (var section = 0; section < 3; section++)
            {
                if (list >= _data.Length || list + 2 * _data[list] >= _data.Length) Fail($"list at {list} is out of range");
                RequireSortedIds(list + 1, _data[list], 2);
                for (var i = 0; i < _data[list]; i++)
                {
                    // A case's value is compared as a value set's are (see RequireToken).
                    if (section == 0) RequireToken(_data[list + 1 + 2 * i]);
                    var target = _data[list + 2 + 2 * i];
                    if (section == 1) RequireValueSet(target);
                    else RequireContext(target, allowNone: false);
                }

                list += 1 + 2 * _data[list];
            }

            if (list >= _data.Length) Fail($"context at {offset} has no text entry");
            RequireValueSet(_data[list]);
        }
    }

    private void RequireSortedIds(int start, int count, int stride)
    {
        if (count < 0) Fail($"negative count at {start - 1}");
        for (var i = 0; i < count; i++)
        {
            var id = _data[start + stride * i];
            RequireString(id, allowNone: false);
            if (i > 0 && id <= _data[start + stride * (i - 1)]) Fail($"ids are not sorted at {start + stride * i}");
        }
    }

    private void RequireString(int id, bool allowNone)
    {
        if (!(allowNone && id == None) && (id < 0 || id >= _strings.Length)) Fail($"string id {id} is out of range");
    }

    // A value is compared as written before it is normalised (most are already), which finds the same values only when
    // the model's own values are normalised tokens.
    private void RequireToken(int id)
    {
        RequireString(id, allowNone: false);
        if (!ReferenceEquals(Tokens.Normalize(_strings[id]), _strings[id])) Fail($"value '{_strings[id]}' is not a normalised token");
    }

    private void RequireContext(int id, bool allowNone)
    {
        if (!(allowNone && id == None) && (id < 0 || id >= _contextOffsets.Length)) Fail($"context {id} is out of range");
    }

    private void RequireValueSet(int id)
    {
        if (id != None && (id < 0 || id >= _valueSetOffsets.Length)) Fail($"value set {id} is out of range");
    }

    private void Fail(string problem) => throw new ArgumentException($"The {Kind} schema model is inconsistent: {problem}.");
}
