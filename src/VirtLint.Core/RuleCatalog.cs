namespace VirtLint.Core;

/// <summary>The rules known to a run: every descriptor (including the document-level ones the engine reports itself) and the checkers.</summary>
public sealed class RuleCatalog
{
    /// <summary>Reported by the engine when a file is not well-formed XML.</summary>
    public const string NotWellFormedId = "VL0001";

    /// <summary>Reported by the engine when a document's root element is not a libvirt document kind.</summary>
    public const string NotLibvirtDocumentId = "VL0002";

    /// <summary>Reported by the engine when a rule's checker fails on a document.</summary>
    public const string RuleInternalErrorId = "VL0003";

    private readonly Dictionary<string, RuleDescriptor> _byId;
    private readonly Dictionary<string, RuleDescriptor> _byName;
    private readonly Dictionary<string, RuleDescriptor> _byPascalName;
    private readonly Dictionary<string, int> _indexById;

    // By the descriptor object itself: asked for every rule of every document, where hashing the id string showed.
    private readonly Dictionary<RuleDescriptor, int> _indexByInstance = new(ReferenceEqualityComparer.Instance);

    public RuleCatalog(IEnumerable<RuleDescriptor> rules, IEnumerable<RuleChecker> checkers)
    {
        Rules = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Checkers = checkers.OrderBy(c => c.Descriptor.Id, StringComparer.Ordinal).ToArray();
        _byId = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _byName = Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _byPascalName = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in Rules) _byPascalName.TryAdd(rule.PascalName, rule);
        _indexById = Rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        for (var i = 0; i < Rules.Count; i++) _indexByInstance[Rules[i]] = i;
        NotWellFormed = Find(NotWellFormedId) ?? throw new ArgumentException($"The rule set has no '{NotWellFormedId}' rule.");
        NotLibvirtDocument = Find(NotLibvirtDocumentId) ?? throw new ArgumentException($"The rule set has no '{NotLibvirtDocumentId}' rule.");
        // Optional, so that a rule set built by hand (a test, an embedding tool) need not carry it.
        RuleInternalError = Find(RuleInternalErrorId) ?? FallbackInternalError;
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; }
    public IReadOnlyList<RuleChecker> Checkers { get; }
    public RuleDescriptor NotWellFormed { get; }
    public RuleDescriptor NotLibvirtDocument { get; }
    public RuleDescriptor RuleInternalError { get; }

    private static readonly RuleDescriptor FallbackInternalError = new(
        RuleInternalErrorId, "rule-internal-error", "A rule failed while checking the document", Severity.Error, "correctness", ["engine"],
        DocumentKinds.EngineTarget, "very-high", null, "", new RuleDocs("", "", "", "", []), [], "rules/document/rule-internal-error.yaml");

    /// <summary>
    /// Finds a rule by id (<c>VL1001</c>), by name (<c>disk-bus-not-virtio</c>) or by the PascalCase name SARIF
    /// viewers show (<c>DiskBusNotVirtio</c>), so a name copied from any report works.
    /// </summary>
    public RuleDescriptor? Find(string idOrName) =>
        _byId.TryGetValue(idOrName, out var rule) || _byId.TryGetValue(idOrName.ToUpperInvariant(), out rule) || _byName.TryGetValue(idOrName, out rule)
        || _byPascalName.TryGetValue(idOrName, out rule)
            ? rule
            : null;

    /// <summary>The rule's position in <see cref="Rules"/> (SARIF's <c>ruleIndex</c>), or -1; looked up once per finding.</summary>
    public int IndexOf(RuleDescriptor rule) =>
        _indexByInstance.TryGetValue(rule, out var index) || _indexById.TryGetValue(rule.Id, out index) ? index : -1;
}
