namespace VirtLint.Core.Configuration;

/// <summary>
/// Finds rules as users write them, in configs, suppressions and options: an id (<c>VL1001</c>, any case), the
/// kebab-case name (<c>disk-bus-not-virtio</c>) or the PascalCase name (<c>DiskBusNotVirtio</c>, as SARIF shows
/// it); and the known tags and categories with the rules carrying each. Built once per run; read-only afterwards.
/// </summary>
public sealed class RuleLookup
{
    private readonly Dictionary<string, RuleDescriptor> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _byTag;
    private readonly Dictionary<string, int[]> _byCategory;

    public RuleLookup(RuleCatalog catalog)
    {
        Catalog = catalog;
        foreach (var rule in catalog.Rules)
        {
            _byName[rule.Id] = rule;
            _byName[rule.Name] = rule;
            _byName[rule.PascalName] = rule;
        }

        _byTag = Group(catalog, rule => rule.Tags);
        _byCategory = Group(catalog, rule => [rule.Category]);
        Tags = _byTag.Keys.Order(StringComparer.Ordinal).ToArray();
        Categories = _byCategory.Keys.Order(StringComparer.Ordinal).ToArray();
        Spellings = catalog.Rules.SelectMany(r => new[] { r.Id, r.Name }).ToArray();
    }

    public RuleCatalog Catalog { get; }

    public IReadOnlyList<RuleDescriptor> Rules => Catalog.Rules;

    /// <summary>Every tag any rule carries, sorted.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Every category any rule is in, sorted.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Ids and kebab-case names: what a did-you-mean suggests.</summary>
    public IReadOnlyList<string> Spellings { get; }

    /// <summary>A rule by id (any case), kebab-case name or PascalCase name.</summary>
    public RuleDescriptor? Find(string idOrName)
    {
        if (_byName.TryGetValue(idOrName, out var rule)) return rule;
        return idOrName.Length == 6 && idOrName.StartsWith("vl", StringComparison.OrdinalIgnoreCase) && _byName.TryGetValue(idOrName.ToUpperInvariant(), out rule) ? rule : null;
    }

    /// <summary>The rule's index in <see cref="Rules"/> (and in every per-rule array of a resolved configuration).</summary>
    public int IndexOf(RuleDescriptor rule) => Catalog.IndexOf(rule);

    public bool IsTag(string tag) => _byTag.ContainsKey(tag);

    public bool IsCategory(string category) => _byCategory.ContainsKey(category);

    /// <summary>Indices of the rules carrying the tag (empty for an unknown tag).</summary>
    public IReadOnlyList<int> WithTag(string tag) => _byTag.TryGetValue(tag, out var rules) ? rules : [];

    /// <summary>Indices of the rules in the category (empty for an unknown category).</summary>
    public IReadOnlyList<int> InCategory(string category) => _byCategory.TryGetValue(category, out var rules) ? rules : [];

    /// <summary>"Unknown rule 'x'; did you mean 'y'?" style tail for a name that is not a rule.</summary>
    public string SuggestRule(string name) => NameSuggestions.Hint(name, Spellings);

    private static Dictionary<string, int[]> Group(RuleCatalog catalog, Func<RuleDescriptor, IEnumerable<string>> keys)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < catalog.Rules.Count; i++)
        {
            foreach (var key in keys(catalog.Rules[i]))
            {
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(i);
            }
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
