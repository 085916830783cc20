using System.Xml.Linq;
using VirtLint.RuleLanguage;

namespace VirtLint.Core.Workspace;

/// <summary>What one file contributes to the workspace: its documents' fact elements for each rule (by index), and the kinds of document it holds.</summary>
public sealed record FileFacts(IReadOnlyList<(int Rule, XElement Element)> Elements, IReadOnlyList<DocumentKind> Kinds, int Documents);

/// <summary>
/// The run's workspace: for each cross-document rule, its own <c>&lt;workspace&gt;</c> element (so a rule sees only the
/// facts it declared, whatever another rule calls its own) holding, in report order, one element per document that
/// has facts (<c>&lt;domain&gt;</c>, <c>&lt;pool&gt;</c> with its nested <c>&lt;volume&gt;</c>s, <c>&lt;volume&gt;</c>,
/// <c>&lt;network&gt;</c>), and which kinds of document the run had at all.
/// </summary>
public sealed class WorkspaceFacts
{
    /// <summary>The workspace's root element name.</summary>
    public static readonly string RootName = DocumentKindTable.Of(RuleTarget.Workspace).RootElement!;

    /// <summary>The attribute naming a document's host: its node file (each node file is one host); absent for files of their own, which form one host together.</summary>
    public const string HostAttribute = "host";

    private readonly XElement[] _roots;
    private readonly HashSet<DocumentKind> _present = [];
    private readonly HashSet<(int Rule, string Kind)> _withFacts = [];

    public WorkspaceFacts(int rules)
    {
        _roots = new XElement[rules];
        for (var i = 0; i < rules; i++) _roots[i] = new XElement(RootName);
    }

    /// <summary>How many documents the run had (a node file counts each of its documents).</summary>
    public int Documents { get; private set; }

    public void Add(FileFacts facts)
    {
        Documents += facts.Documents;
        foreach (var kind in facts.Kinds) _present.Add(kind);
        foreach (var (rule, element) in facts.Elements)
        {
            _roots[rule].Add(element);
            _withFacts.Add((rule, element.Name.LocalName));
        }
    }

    /// <summary>True when a document of <paramref name="kind"/> gave the rule at <paramref name="rule"/> a fact.</summary>
    public bool HasFacts(int rule, DocumentKind kind) => _withFacts.Contains((rule, kind.ToName()));

    /// <summary>True when the run had a document of <paramref name="kind"/>.</summary>
    public bool Has(DocumentKind kind) => _present.Contains(kind);

    /// <summary>The workspace as a document the checkers run on; its nodes are located through their <see cref="FactOrigin"/>.</summary>
    public LintDocument ToDocument(int rule) => new("<workspace>", "", new XDocument(_roots[rule]), DocumentKind.Workspace);

    /// <summary>Lets go of a rule's facts once it has run.</summary>
    public void Release(int rule) => _roots[rule] = new XElement(RootName);

    /// <summary>
    /// Runs <paramref name="collect"/> for each rule and every document of a file it <paramref name="takes"/> facts
    /// from, and gathers the facts: one element per document, a node file's volumes inside their pool's element.
    /// Elements without facts are left out.
    /// </summary>
    public static FileFacts Collect(IReadOnlyList<LintDocument> documents, int rules, Func<int, LintDocument, bool> takes, Action<int, LintDocument, XElement> collect)
    {
        var kinds = new List<DocumentKind>();
        foreach (var document in documents)
        {
            if (!kinds.Contains(document.Kind)) kinds.Add(document.Kind);
        }

        var all = new List<(int, XElement)>();
        for (var rule = 0; rule < rules; rule++)
        {
            var elements = new Dictionary<LintDocument, XElement>();
            var top = new List<XElement>();
            XElement ElementOf(LintDocument document)
            {
                if (elements.TryGetValue(document, out var existing)) return existing;
                var element = new XElement(document.Kind.ToName());
                if (document.NodeFile is { } host) element.Add(new XAttribute(HostAttribute, host));
                elements[document] = element;
                if (document.Pool is { } pool) ElementOf(pool).Add(element);
                else top.Add(element);
                return element;
            }

            foreach (var document in documents)
            {
                if (takes(rule, document)) collect(rule, document, ElementOf(document));
            }
            foreach (var element in elements.Values)
            {
                if (!element.HasElements && element.Parent is not null) element.Remove();
            }

            foreach (var element in top)
            {
                if (element.HasElements) all.Add((rule, element));
            }
        }

        return new FileFacts(all, kinds, documents.Count);
    }
}
