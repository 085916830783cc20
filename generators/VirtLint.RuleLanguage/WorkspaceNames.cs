using System;
using System.Collections.Generic;
using System.Linq;
using VirtLint.RuleLanguage.Expressions;
using VirtLint.RuleLanguage.Model;

namespace VirtLint.RuleLanguage;

/// <summary>
/// The vocabulary of a cross-document rule's workspace: <c>&lt;workspace&gt;</c> holds one element per document kind,
/// which holds the rule's declared facts (and, for a pool, its nested volumes) and a <c>host</c> attribute; a fact holds
/// its declared values. Paths into the documents themselves are checked against libvirt's vocabulary as usual.
/// </summary>
public sealed class WorkspaceNames : INameChecker
{
    public static readonly string Kind = DocumentKindTable.Of(RuleTarget.Workspace).Name;
    public const string HostAttribute = "host";

    private static readonly string[] Kinds = DocumentKindTable.LibvirtDocumentNames;

    // A pool's volumes are nested in it, as in a libvirt test-driver node file.
    private static readonly string Pool = DocumentKindTable.Of(RuleTarget.Pool).Name;
    private static readonly string Volume = DocumentKindTable.Of(RuleTarget.Volume).Name;

    private readonly INameChecker? _documents;
    private readonly Dictionary<string, HashSet<string>> _factsByKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _valuesByFact = new(StringComparer.Ordinal);

    public WorkspaceNames(IEnumerable<FactSpec> facts, INameChecker? documents)
    {
        _documents = documents;
        foreach (var fact in facts)
        {
            if (!_factsByKind.TryGetValue(fact.Kind, out var names)) _factsByKind[fact.Kind] = names = new HashSet<string>(StringComparer.Ordinal);
            names.Add(fact.Element);
            if (!_valuesByFact.TryGetValue(fact.Element, out var values)) _valuesByFact[fact.Element] = values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in fact.Values) values.Add(value.Name);
        }
    }

    /// <summary>True for names a fact may not take: the workspace's own element names.</summary>
    public static bool IsReserved(string name) => name == Kind || Array.IndexOf(Kinds, name) >= 0;

    public string? Check(string kind, string? parentElement, string name, bool isAttribute)
    {
        if (kind != Kind) return _documents?.Check(kind, parentElement, name, isAttribute);
        var allowed = Allowed(parentElement, isAttribute).ToArray();
        if (allowed.Contains(name)) return null;
        var where = parentElement is null ? "in this rule's workspace" : $"under <{parentElement}> in this rule's workspace";
        var what = isAttribute ? "attribute" : "element";
        var known = allowed.Length == 0 ? "none" : string.Join(", ", allowed.OrderBy(n => n, StringComparer.Ordinal));
        return $"no {what} '{name}' {where} (declared: {known}); a workspace holds only the facts the rule declares";
    }

    private IEnumerable<string> Allowed(string? parent, bool isAttribute)
    {
        if (parent is null)
        {
            if (isAttribute) return _valuesByFact.Values.SelectMany(v => v).Append(HostAttribute).Distinct();
            return _factsByKind.Keys.Concat(_factsByKind.Values.SelectMany(v => v)).Append(Kind).Distinct();
        }

        if (parent == Kind) return isAttribute ? Array.Empty<string>() : _factsByKind.Keys.Concat(_factsByKind.ContainsKey(Volume) ? new[] { Volume } : Array.Empty<string>()).Distinct();
        if (Array.IndexOf(Kinds, parent) >= 0)
        {
            if (isAttribute) return new[] { HostAttribute };
            var facts = _factsByKind.TryGetValue(parent, out var names) ? names : Enumerable.Empty<string>();
            return parent == Pool && _factsByKind.ContainsKey(Volume) ? facts.Append(Volume) : facts;
        }

        return isAttribute && _valuesByFact.TryGetValue(parent, out var values) ? values : Enumerable.Empty<string>();
    }
}
