using System.Xml.Linq;
using VirtLint.RuleLanguage;

namespace VirtLint.Core.Workspace;

/// <summary>
/// The run's workspace: for each cross-document rule, the facts it declared (so a rule sees only its own facts, whatever
/// another rule calls them), kept flat while files are linted and made into the rule's own <c>&lt;workspace&gt;</c> tree
/// only while it runs; and which kinds of document the run had at all.
/// </summary>
public sealed class WorkspaceFacts
{
    /// <summary>The workspace's root element name.</summary>
    public static readonly string RootName = DocumentKindTable.Of(RuleTarget.Workspace).RootElement!;

    /// <summary>The attribute naming a document's host: its node file (each node file is one host); absent for files of their own, which form one host together.</summary>
    public const string HostAttribute = "host";

    private readonly AppendOnlyList<FactDocument> _documents = new();
    private readonly RuleFacts?[] _rules;
    private readonly HashSet<DocumentKind> _present = [];
    private readonly HashSet<(int Rule, DocumentKind Kind)> _withFacts = [];

    public WorkspaceFacts(int rules) => _rules = new RuleFacts?[rules];

    /// <summary>How many documents the run had (a node file counts each of its documents).</summary>
    public int Documents { get; private set; }

    public void Add(FileFacts facts)
    {
        Documents += facts.Documents.Length;
        foreach (var kind in facts.Kinds) _present.Add(kind);
        var first = _documents.Count;
        var keeps = false;
        for (var rule = 0; rule < _rules.Length && !keeps; rule++) keeps = facts.ByRule[rule] is not null;
        if (!keeps) return;
        foreach (var document in facts.Documents)
            _documents.Add(document with { Pool = document.Pool < 0 ? -1 : first + document.Pool });

        for (var rule = 0; rule < _rules.Length; rule++)
        {
            if (facts.ByRule[rule] is not { } list) continue;
            var store = _rules[rule] ??= new RuleFacts();
            foreach (var fact in list)
            {
                store.Add(fact, first);
                _withFacts.Add((rule, facts.Documents[fact.Document].Kind));
            }
        }
    }

    /// <summary>True when a document of <paramref name="kind"/> gave the rule at <paramref name="rule"/> a fact.</summary>
    public bool HasFacts(int rule, DocumentKind kind) => _withFacts.Contains((rule, kind));

    /// <summary>How many facts the rule at <paramref name="rule"/> holds.</summary>
    public int Count(int rule) => _rules[rule]?.Count ?? 0;

    /// <summary>True when the run had a document of <paramref name="kind"/>.</summary>
    public bool Has(DocumentKind kind) => _present.Contains(kind);

    /// <summary>The rule's facts as a document the checkers run on; its nodes are located through their <see cref="FactOrigin"/>.</summary>
    public LintDocument ToDocument(int rule)
    {
        var root = _rules[rule] is { } store ? store.ToTree(_documents) : new XElement(RootName);
        return new LintDocument("<workspace>", "", new XDocument(root), DocumentKind.Workspace);
    }

    /// <summary>Lets go of a rule's facts once it has run.</summary>
    public void Release(int rule) => _rules[rule] = null;

    /// <summary>
    /// Runs <paramref name="collect"/> for each rule and every document of a file it <paramref name="takes"/> facts
    /// from, and gathers the facts.
    /// </summary>
    public static FileFacts Collect(IReadOnlyList<LintDocument> documents, FactSource source, int rules, Func<int, LintDocument, bool> takes, Action<int, FactContext> collect)
    {
        var kinds = new List<DocumentKind>();
        var records = new FactDocument[documents.Count];
        Dictionary<LintDocument, int>? indexes = null;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (!kinds.Contains(document.Kind)) kinds.Add(document.Kind);
            var pool = -1;
            if (document.Pool is { } owner)
            {
                indexes ??= IndexesOf(documents);
                pool = indexes.GetValueOrDefault(owner, -1);
            }

            records[i] = new FactDocument(source, document.Kind, pool, document.NodeFile);
        }

        var byRule = new List<FileFact>?[rules];
        for (var rule = 0; rule < rules; rule++)
        {
            List<FileFact>? facts = null;
            for (var i = 0; i < documents.Count; i++)
            {
                if (!takes(rule, documents[i])) continue;
                var context = new FactContext(documents[i], i, facts);
                collect(rule, context);
                facts = context.Facts;
            }

            byRule[rule] = facts;
        }

        return new FileFacts(records, byRule, kinds);
    }

    private static Dictionary<LintDocument, int> IndexesOf(IReadOnlyList<LintDocument> documents)
    {
        var indexes = new Dictionary<LintDocument, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++) indexes[documents[i]] = i;
        return indexes;
    }
}
