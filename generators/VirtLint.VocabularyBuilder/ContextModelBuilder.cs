using System.Text;
using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// Builds the per-context model of a grammar. A context is the set of element-pattern variants an element may match,
/// given the path that led to it: starting from the grammar's start, the context of a child named N is every variant
/// of every element pattern named N that the parent's context allows (a subset construction, so
/// <c>&lt;source&gt;</c> under a disk and under an interface are different contexts, while the <c>&lt;address&gt;</c>
/// define shared by all devices gives one). Its attributes, children and values are the union over those variants,
/// so an element that the schema accepts is never reported. Where an element pattern's content is a required choice
/// discriminated by an attribute (<c>&lt;disk type='file'|'block'|…&gt;</c>, <c>&lt;address type=…&gt;</c>), each
/// branch is a variant and the context has cases: an element with <c>type='file'</c> is checked against the file
/// variants only, and its children against what those allow. Contexts that behave alike are merged at the end.
/// </summary>
public sealed class ContextModelBuilder
{
    private readonly RelaxNgGrammar _grammar;
    private readonly ContentSummarizer _summarizer;
    private readonly DiscriminatorAnalysis _discriminators;
    private readonly Dictionary<XElement, PatternInfo> _patterns = [];
    private readonly List<Variant> _variants = [];
    private readonly Dictionary<string, State> _statesByKey = new(StringComparer.Ordinal);
    private readonly List<State> _states = [];

    private ContextModelBuilder(RelaxNgGrammar grammar)
    {
        _grammar = grammar;
        _summarizer = new ContentSummarizer(grammar);
        _discriminators = new DiscriminatorAnalysis(grammar, _summarizer);
    }

    public static KindContextModel Build(RelaxNgGrammar grammar, string kind)
    {
        var builder = new ContextModelBuilder(grammar);
        builder.Explore();
        return new KindContextModel(kind, builder.Minimize());
    }

    private void Explore()
    {
        var document = new State(0, KindContextModel.DocumentContext, refined: false, [], _summarizer.Summarize(_grammar.Start));
        _states.Add(document);
        _statesByKey["/"] = document;

        // Breadth first, cases before children, names in ordinal order: each context is named after the shortest
        // path that reaches it, the same on every run.
        for (var i = 0; i < _states.Count; i++)
        {
            var state = _states[i];
            if (!state.Refined)
                AddCases(state);
            if (state.Content.AnyChild)
                continue;
            foreach (var (name, patterns) in state.Content.Children)
            {
                var variants = patterns.SelectMany(p => Info(p).Variants).Select(v => v.Id).Distinct().Order().ToArray();
                var childName = state == document ? name : $"{state.Name}/{name}";
                state.Children[name] = GetOrAdd(variants, childName, refined: false);
            }
        }
    }

    /// <summary>
    /// Splits a context by a discriminating attribute shared by all its discriminated patterns: one case per value,
    /// and one for an element without the attribute, each keeping the variants that admit it.
    /// </summary>
    private void AddCases(State state)
    {
        var variants = state.Variants.Select(id => _variants[id]).ToList();
        var switches = variants.Select(v => v.Owner.Discriminator).Where(d => d is not null).Distinct().ToList();
        if (switches.Count != 1)
            return; // none, or patterns discriminated by different attributes: the union stays

        var attribute = switches[0]!;
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants.Where(v => v.Constraint?.Values is { IsOpen: false }))
            values.UnionWith(variant.Constraint!.Values!.Values!);

        foreach (var value in values)
        {
            if (Narrow(state, variants, value) is { } narrowed)
                state.Cases[value] = GetOrAdd(narrowed, $"{state.Name}[@{attribute}='{value}']", refined: true);
        }

        if (Narrow(state, variants, null) is { } withoutAttribute)
            state.AbsentCase = GetOrAdd(withoutAttribute, $"{state.Name}[not(@{attribute})]", refined: true);
        if (state.Cases.Count > 0 || state.AbsentCase is not null)
            state.Switch = attribute;
    }

    /// <summary>The variants that admit the value (null: no attribute), or null when that is all of them or none.</summary>
    private static int[]? Narrow(State state, List<Variant> variants, string? value)
    {
        var narrowed = variants.Where(v => v.Constraint is null || v.Constraint.Admits(value)).Select(v => v.Id).ToArray();
        return narrowed.Length == state.Variants.Length || narrowed.Length == 0 ? null : narrowed;
    }

    private State GetOrAdd(int[] variants, string name, bool refined)
    {
        var key = (refined ? "r:" : "s:") + string.Join(",", variants);
        if (_statesByKey.TryGetValue(key, out var existing))
            return existing;

        var content = new ContentSummary();
        foreach (var id in variants)
            content.UnionWith(_variants[id].Content);
        var state = new State(_states.Count, name, refined, variants, content);
        _states.Add(state);
        _statesByKey[key] = state;
        return state;
    }

    private PatternInfo Info(XElement elementPattern)
    {
        if (_patterns.TryGetValue(elementPattern, out var info))
            return info;

        var whole = _summarizer.Summarize(PatternSupport.PatternChildren(elementPattern));
        var discrimination = _discriminators.Find(elementPattern, whole);
        info = new PatternInfo(discrimination?.Attribute);
        _patterns[elementPattern] = info;
        if (discrimination is null)
            AddVariant(info, null, whole);
        else
            foreach (var variant in discrimination.Variants)
                AddVariant(info, variant.Constraint, variant.Content);
        return info;
    }

    private void AddVariant(PatternInfo owner, AttributeConstraint? constraint, ContentSummary content)
    {
        var variant = new Variant(_variants.Count, owner, constraint, content);
        _variants.Add(variant);
        owner.Variants.Add(variant);
    }

    /// <summary>
    /// Merges contexts that allow the same things and lead to equivalent contexts (Moore's partition refinement), and
    /// returns the merged contexts named after their first-reached member.
    /// </summary>
    private List<SchemaContext> Minimize()
    {
        var local = _states.Select(LocalSignature).ToArray();
        var classes = Classify(local);
        while (true)
        {
            var signatures = _states.Select(s =>
            {
                var text = new StringBuilder().Append(classes[s.Index]);
                foreach (var (value, target) in s.Cases) text.Append("|c ").Append(value).Append(' ').Append(classes[target.Index]);
                if (s.AbsentCase is { } absent) text.Append("|a ").Append(classes[absent.Index]);
                foreach (var (name, target) in s.Children) text.Append("|e ").Append(name).Append(' ').Append(classes[target.Index]);
                return text.ToString();
            }).ToArray();
            var refined = Classify(signatures);
            if (refined.Distinct().Count() == classes.Distinct().Count())
                break;
            classes = refined;
        }

        // States are in breadth-first order, so the first member of each class has the shortest name.
        var representative = new Dictionary<int, State>();
        foreach (var state in _states)
            representative.TryAdd(classes[state.Index], state);

        var contexts = new List<SchemaContext>();
        foreach (var state in representative.Values)
        {
            var context = new SchemaContext(state.Name) { AnyAttribute = state.Content.AnyAttribute, AnyChild = state.Content.AnyChild, Text = state.Content.Text };
            if (!context.AnyAttribute)
            {
                foreach (var (name, values) in state.Content.Attributes)
                    context.Attributes[name] = values;
            }

            foreach (var (value, target) in state.Cases)
            {
                if (classes[target.Index] != classes[state.Index])
                    context.Cases[value] = representative[classes[target.Index]].Name;
            }

            if (state.AbsentCase is { } absentCase && classes[absentCase.Index] != classes[state.Index])
                context.AbsentCase = representative[classes[absentCase.Index]].Name;
            context.Switch = context.Cases.Count > 0 || context.AbsentCase is not null ? state.Switch : null;
            foreach (var (name, target) in state.Children)
                context.Children[name] = representative[classes[target.Index]].Name;
            contexts.Add(context);
        }

        return contexts
            .OrderBy(c => c.Name == KindContextModel.DocumentContext ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string LocalSignature(State state)
    {
        var content = state.Content;
        var text = new StringBuilder();
        text.Append(state.Index == 0 ? "document" : "element");
        text.Append("|text ").Append(content.Text?.ToString() ?? "-");
        if (content.AnyAttribute) text.Append("|@*");
        else foreach (var (name, values) in content.Attributes) text.Append("|@").Append(name).Append('=').Append(values);
        if (content.AnyChild) text.Append("|*");
        else foreach (var name in content.Children.Keys) text.Append("|e ").Append(name);
        text.Append("|switch ").Append(state.Switch ?? "-");
        foreach (var value in state.Cases.Keys) text.Append("|c ").Append(value);
        if (state.AbsentCase is not null) text.Append("|a");
        return text.ToString();
    }

    private static int[] Classify(IReadOnlyList<string> signatures)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return signatures.Select(s => ids.TryGetValue(s, out var id) ? id : ids[s] = ids.Count).ToArray();
    }

    private sealed class PatternInfo(string? discriminator)
    {
        public string? Discriminator { get; } = discriminator;

        public List<Variant> Variants { get; } = [];
    }

    /// <summary>One variant of an element pattern; <see cref="Constraint"/> is null when the pattern is not discriminated.</summary>
    private sealed record Variant(int Id, PatternInfo Owner, AttributeConstraint? Constraint, ContentSummary Content);

    private sealed class State(int index, string name, bool refined, int[] variants, ContentSummary content)
    {
        public int Index { get; } = index;

        public string Name { get; } = name;

        public bool Refined { get; } = refined;

        public int[] Variants { get; } = variants;

        public ContentSummary Content { get; } = content;

        public string? Switch { get; set; }

        public SortedDictionary<string, State> Cases { get; } = new(StringComparer.Ordinal);

        public State? AbsentCase { get; set; }

        public SortedDictionary<string, State> Children { get; } = new(StringComparer.Ordinal);
    }
}
