using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VirtLint.RuleLanguage.Vocabulary;

/// <summary>
/// The element and attribute names libvirt's RelaxNG schemas allow, per document kind (domain, pool, volume,
/// network), read from <c>generators/libvirt-vocabulary.txt</c> (written by VirtLint.VocabularyBuilder).
/// The rule binder asks <see cref="CheckChild"/> at every step of a rule path, so a misspelt name fails the
/// build with a suggestion. Immutable once parsed, so one instance can be shared across threads.
/// </summary>
/// <remarks>
/// File format: '#' lines are comments; <c>[kind]</c> starts a section; every other line is an element name
/// followed by its attribute names (each prefixed with '@') and its child element names. The element '/' stands
/// for the document: its children are the root elements. A child '*' or attribute '@*' means any name is allowed.
/// </remarks>
public sealed class LibvirtVocabulary
{
    /// <summary>The parent to pass to <see cref="CheckChild"/> for a path's first step (<c>/domain</c>).</summary>
    public const string DocumentNode = "/";

    /// <summary>Listed as a child or attribute of an element whose content is open (e.g. domain <c>&lt;metadata&gt;</c>).</summary>
    public const string AnyName = "*";

    private const int MaxOwnersListed = 3;

    private readonly Dictionary<string, VocabularyKind> _kinds;

    private LibvirtVocabulary(Dictionary<string, VocabularyKind> kinds)
    {
        _kinds = kinds;
        Kinds = kinds.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The document kinds described, sorted ordinally.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>Reads the vocabulary file format (see the class remarks).</summary>
    /// <exception cref="FormatException">A line is malformed, or a kind or element is listed twice.</exception>
    public static LibvirtVocabulary Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));

        var kinds = new Dictionary<string, VocabularyKind.Builder>(StringComparer.Ordinal);
        VocabularyKind.Builder? current = null;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var lineNumber = index + 1;
            if (line.Length == 0 || line[0] == '#')
                continue;

            if (line[0] == '[')
            {
                if (line[line.Length - 1] != ']' || line.Length < 3)
                    throw new FormatException($"Line {lineNumber}: a section header must look like [kind].");
                var kind = line.Substring(1, line.Length - 2).Trim();
                if (kinds.ContainsKey(kind))
                    throw new FormatException($"Line {lineNumber}: the kind '{kind}' is listed twice.");
                kinds[kind] = current = new VocabularyKind.Builder(kind);
                continue;
            }

            if (current is null)
                throw new FormatException($"Line {lineNumber}: an element line before any [kind] section.");

            var tokens = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            var element = tokens[0];
            if (element[0] == '@')
                throw new FormatException($"Line {lineNumber}: a line must start with an element name, not '{element}'.");

            var attributes = new List<string>();
            var children = new List<string>();
            for (var i = 1; i < tokens.Length; i++)
            {
                if (tokens[i][0] == '@')
                {
                    if (tokens[i].Length == 1)
                        throw new FormatException($"Line {lineNumber}: '@' without an attribute name.");
                    attributes.Add(tokens[i].Substring(1));
                }
                else
                {
                    children.Add(tokens[i]);
                }
            }

            if (!current.TryAdd(element, attributes, children))
                throw new FormatException($"Line {lineNumber}: <{element}> is listed twice in [{current.Kind}].");
        }

        return new LibvirtVocabulary(kinds.ToDictionary(k => k.Key, k => k.Value.Build(), StringComparer.Ordinal));
    }

    public bool HasKind(string kind) => _kinds.ContainsKey(kind);

    /// <summary>Every element name of the kind, sorted ordinally; empty for an unknown kind.</summary>
    public IReadOnlyList<string> GetElements(string kind) =>
        _kinds.TryGetValue(kind, out var table) ? table.ElementNames : Array.Empty<string>();

    /// <summary>The allowed root elements of the kind (e.g. <c>domain</c>); empty for an unknown kind.</summary>
    public IReadOnlyList<string> GetRootElements(string kind) => GetChildElements(kind, DocumentNode);

    /// <summary>The attribute names of the element (<see cref="AnyName"/> when any is allowed), sorted; empty when unknown.</summary>
    public IReadOnlyList<string> GetAttributes(string kind, string element) =>
        _kinds.TryGetValue(kind, out var table) && table.Elements.TryGetValue(element, out var entry)
            ? entry.Attributes
            : Array.Empty<string>();

    /// <summary>The child element names of the element (<see cref="AnyName"/> when any is allowed), sorted; empty when unknown.</summary>
    public IReadOnlyList<string> GetChildElements(string kind, string element) =>
        _kinds.TryGetValue(kind, out var table) && table.Elements.TryGetValue(element, out var entry)
            ? entry.Children
            : Array.Empty<string>();

    /// <summary>Whether the kind's schema defines an element of that name anywhere. False for an unknown kind.</summary>
    public bool IsKnownElement(string kind, string name) =>
        _kinds.TryGetValue(kind, out var table) && table.ElementSet.Contains(name);

    /// <summary>Whether some element of the kind's schema has an attribute of that name. False for an unknown kind.</summary>
    public bool IsKnownAttribute(string kind, string name) =>
        _kinds.TryGetValue(kind, out var table) && table.AttributeSet.Contains(name);

    /// <summary>
    /// Checks one step of a rule path: may an element named <paramref name="parentElement"/> have a child element
    /// (or, with <paramref name="isAttribute"/>, an attribute) named <paramref name="childName"/>?
    /// </summary>
    /// <param name="kind">The document kind, e.g. "domain". A kind the vocabulary does not describe accepts everything.</param>
    /// <param name="parentElement">
    /// The element the step starts from; <see cref="DocumentNode"/> for the first step of an absolute path; null when
    /// it is not known (after <c>//</c>, <c>*</c> or <c>..</c>): the name then only has to exist somewhere in the kind,
    /// as an element or as an attribute (open elements such as <c>&lt;metadata&gt;</c> are not taken into account,
    /// or nothing could ever be reported there). A parent name the kind does not define is treated like null.
    /// </param>
    /// <param name="childName">The step's name test. '*', an empty name and prefixed (namespaced) names are always known.</param>
    /// <param name="isAttribute">Whether the step is on the attribute axis (<c>@name</c>).</param>
    public VocabularyResult CheckChild(string kind, string? parentElement, string childName, bool isAttribute)
    {
        if (kind is null) throw new ArgumentNullException(nameof(kind));
        if (childName is null) throw new ArgumentNullException(nameof(childName));

        if (!_kinds.TryGetValue(kind, out var table))
            return VocabularyResult.Known;
        if (childName.Length == 0 || childName == AnyName || childName.IndexOf(':') >= 0)
            return VocabularyResult.Known;

        return parentElement is not null && table.Elements.TryGetValue(parentElement, out var parent)
            ? CheckUnderParent(table, parentElement, parent, childName, isAttribute)
            : CheckAnywhere(table, childName, isAttribute);
    }

    private static VocabularyResult CheckUnderParent(
        VocabularyKind table, string parentName, VocabularyKind.Entry parent, string name, bool isAttribute)
    {
        var open = isAttribute ? parent.AnyAttribute : parent.AnyChild;
        var names = isAttribute ? parent.AttributeSet : parent.ChildSet;
        if (open || names.Contains(name))
            return VocabularyResult.Known;

        var what = parentName == DocumentNode
            ? isAttribute ? "an attribute of the document" : "a root element"
            : isAttribute ? $"an attribute of <{parentName}>" : $"a child element of <{parentName}>";
        var message = $"'{name}' is not {what} in libvirt's {table.Kind} schema";

        // The same name on the other axis of this very parent: target/bus for target/@bus.
        var otherAxis = isAttribute ? parent.ChildSet : parent.AttributeSet;
        if (otherAxis.Contains(name))
        {
            var hint = isAttribute ? $"the child element '{name}'" : $"the attribute '@{name}'";
            return VocabularyResult.Unknown($"{message}; did you mean {hint}?", name, !isAttribute);
        }

        var nearby = Suggest(name, isAttribute ? parent.Attributes : parent.Children);
        if (nearby is not null)
            return VocabularyResult.Unknown($"{message}; did you mean '{nearby}'?", nearby, isAttribute);

        var owners = isAttribute ? table.AttributeOwners : table.ChildOwners;
        if (owners.TryGetValue(name, out var elsewhere))
        {
            var role = isAttribute ? "an attribute of" : "a child element of";
            return VocabularyResult.Unknown($"{message}; it is {role} {ListElements(elsewhere)}", null, false);
        }

        var anywhere = Suggest(name, isAttribute ? table.AttributeNames : table.ElementNames);
        if (anywhere is not null && owners.TryGetValue(anywhere, out var suggestionOwners))
        {
            var role = isAttribute ? "an attribute of" : "a child element of";
            return VocabularyResult.Unknown(
                $"{message}; did you mean '{anywhere}' ({role} {ListElements(suggestionOwners)})?", anywhere, isAttribute);
        }

        return VocabularyResult.Unknown(message, null, false);
    }

    private static VocabularyResult CheckAnywhere(VocabularyKind table, string name, bool isAttribute)
    {
        var names = isAttribute ? table.AttributeSet : table.ElementSet;
        if (names.Contains(name))
            return VocabularyResult.Known;

        var message = $"'{name}' is not {(isAttribute ? "an attribute" : "an element")} anywhere in libvirt's {table.Kind} schema";
        var otherAxis = isAttribute ? table.ElementSet : table.AttributeSet;
        if (otherAxis.Contains(name))
        {
            var hint = isAttribute ? $"the element '{name}'" : $"the attribute '@{name}'";
            return VocabularyResult.Unknown($"{message}; did you mean {hint}?", name, !isAttribute);
        }

        var suggestion = Suggest(name, isAttribute ? table.AttributeNames : table.ElementNames);
        return suggestion is null
            ? VocabularyResult.Unknown(message, null, false)
            : VocabularyResult.Unknown($"{message}; did you mean '{suggestion}'?", suggestion, isAttribute);
    }

    /// <summary>
    /// The candidate closest to <paramref name="name"/>: a case-insensitive match, else the smallest Levenshtein
    /// distance (compared case-insensitively) up to 2 and shorter than the name itself, ties broken ordinally.
    /// </summary>
    private static string? Suggest(string name, IReadOnlyList<string> candidates) =>
        EditDistance.Closest(name, candidates.Where(candidate => candidate != AnyName));

    private static string ListElements(IReadOnlyList<string> elements)
    {
        var text = new StringBuilder();
        var shown = Math.Min(elements.Count, MaxOwnersListed);
        for (var i = 0; i < shown; i++)
        {
            if (i > 0)
                text.Append(i == shown - 1 && elements.Count == shown ? " and " : ", ");
            text.Append('<').Append(elements[i]).Append('>');
        }

        if (elements.Count > shown)
            text.Append(" and ").Append(elements.Count - shown).Append(" more");
        return text.ToString();
    }
}
