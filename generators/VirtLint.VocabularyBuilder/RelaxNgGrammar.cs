using System.Xml.Linq;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// A RelaxNG grammar (XML syntax) loaded from a root file with its <c>&lt;include&gt;</c>s resolved:
/// the start patterns and every named <c>&lt;define&gt;</c>, with same-named defines merged as <c>combine</c> says.
/// Patterns stay the original <see cref="XElement"/>s, so a name's namespace can still be read from its ancestors.
/// Nested grammars, <c>parentRef</c> and <c>externalRef</c> are not supported (libvirt's schemas use none of them).
/// </summary>
public sealed class RelaxNgGrammar
{
    public static readonly XNamespace Rng = "http://relaxng.org/ns/structure/1.0";

    private readonly Dictionary<string, List<XElement>> _defines = new(StringComparer.Ordinal);
    private readonly List<XElement> _starts = [];
    private readonly HashSet<string> _loadedFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelaxNgDefine> _merged = new(StringComparer.Ordinal);

    private RelaxNgGrammar()
    {
    }

    /// <summary>The <c>&lt;start&gt;</c> elements, merged like a define named "start".</summary>
    public RelaxNgDefine Start { get; private set; } = null!;

    /// <summary>Every file read, the root file first, as full paths.</summary>
    public IReadOnlyCollection<string> Files => _loadedFiles;

    public IEnumerable<string> DefineNames => _merged.Keys;

    public static RelaxNgGrammar Load(string path)
    {
        var grammar = new RelaxNgGrammar();
        grammar.LoadFile(Path.GetFullPath(path), new HashSet<string>(StringComparer.Ordinal), overridesStart: false, []);
        grammar.Merge();
        return grammar;
    }

    public RelaxNgDefine GetDefine(string name) =>
        _merged.TryGetValue(name, out var define)
            ? define
            : throw new InvalidDataException($"<ref name=\"{name}\"/> names no <define>.");

    private void LoadFile(string path, HashSet<string> overriddenDefines, bool overridesStart, List<string> includeChain)
    {
        if (includeChain.Contains(path, StringComparer.Ordinal))
            throw new InvalidDataException($"Include cycle: {string.Join(" -> ", includeChain.Append(path))}");
        if (!_loadedFiles.Add(path))
        {
            // RelaxNG would reject the duplicated defines; treat a second include of the same file as a no-op
            // unless it tries to override something, which would then be ambiguous.
            if (overriddenDefines.Count > 0 || overridesStart)
                throw new InvalidDataException($"{path} is included twice, once with overriding definitions.");
            return;
        }

        var root = XDocument.Load(path, LoadOptions.SetLineInfo | LoadOptions.SetBaseUri).Root
                   ?? throw new InvalidDataException($"{path} is empty.");
        if (root.Name != Rng + "grammar")
            throw new InvalidDataException($"{path}: the root element is {root.Name}, not a RelaxNG <grammar>.");

        includeChain.Add(path);
        ReadGrammarContent(root, path, overriddenDefines, overridesStart, includeChain);
        includeChain.RemoveAt(includeChain.Count - 1);
    }

    private void ReadGrammarContent(
        XElement container, string path, HashSet<string> overriddenDefines, bool overridesStart, List<string> includeChain)
    {
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != Rng)
                continue; // annotations

            switch (child.Name.LocalName)
            {
                case "start":
                    if (!overridesStart)
                        _starts.Add(child);
                    break;
                case "define":
                    var name = RequiredAttribute(child, "name", path);
                    if (!overriddenDefines.Contains(name))
                        Add(name, child);
                    break;
                case "div":
                    ReadGrammarContent(child, path, overriddenDefines, overridesStart, includeChain);
                    break;
                case "include":
                    var href = RequiredAttribute(child, "href", path);
                    var includedPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, href));

                    // Definitions inside <include> replace the included file's ones of the same name.
                    var replaced = new HashSet<string>(overriddenDefines, StringComparer.Ordinal);
                    var replacesStart = overridesStart;
                    CollectOverrides(child, replaced, ref replacesStart);
                    LoadFile(includedPath, replaced, replacesStart, includeChain);
                    ReadGrammarContent(child, path, overriddenDefines, overridesStart, includeChain);
                    break;
                default:
                    throw new InvalidDataException($"{Where(child, path)}: unexpected <{child.Name.LocalName}> in a grammar.");
            }
        }
    }

    private static void CollectOverrides(XElement include, HashSet<string> names, ref bool start)
    {
        foreach (var child in include.Elements())
        {
            if (child.Name == Rng + "define" && child.Attribute("name") is { } name)
                names.Add(name.Value.Trim());
            else if (child.Name == Rng + "start")
                start = true;
            else if (child.Name == Rng + "div")
                CollectOverrides(child, names, ref start);
        }
    }

    private void Add(string name, XElement define)
    {
        if (!_defines.TryGetValue(name, out var list))
            _defines[name] = list = [];
        list.Add(define);
    }

    private void Merge()
    {
        if (_starts.Count == 0)
            throw new InvalidDataException("The grammar has no <start>.");
        Start = RelaxNgDefine.Create("start", _starts);
        foreach (var (name, list) in _defines)
            _merged[name] = RelaxNgDefine.Create(name, list);
    }

    private static string RequiredAttribute(XElement element, string attribute, string path) =>
        element.Attribute(attribute)?.Value.Trim()
        ?? throw new InvalidDataException($"{Where(element, path)}: <{element.Name.LocalName}> has no {attribute}=.");

    internal static string Where(XElement element, string? path = null)
    {
        var file = path ?? element.Document?.BaseUri ?? "";
        var line = element is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
        return $"{file}:{line}";
    }
}

/// <summary>One define (or the start) after merging: its <c>&lt;define&gt;</c> elements, each one's children forming a group.</summary>
public sealed class RelaxNgDefine
{
    private RelaxNgDefine(string name, CombineMode combine, IReadOnlyList<XElement> parts)
    {
        Name = name;
        Combine = combine;
        Parts = parts;
    }

    public string Name { get; }

    public CombineMode Combine { get; }

    /// <summary>The <c>&lt;define&gt;</c> / <c>&lt;start&gt;</c> elements; the pattern of each is its children as a group.</summary>
    public IReadOnlyList<XElement> Parts { get; }

    internal static RelaxNgDefine Create(string name, IReadOnlyList<XElement> parts)
    {
        var combines = parts
            .Select(p => p.Attribute("combine")?.Value.Trim())
            .Where(c => !string.IsNullOrEmpty(c))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var withoutCombine = parts.Count(p => string.IsNullOrEmpty(p.Attribute("combine")?.Value.Trim()));
        if (combines.Count > 1)
            throw new InvalidDataException($"'{name}' is combined both by {string.Join(" and ", combines)}.");
        if (withoutCombine > 1)
            throw new InvalidDataException(
                $"'{name}' is defined {withoutCombine} times without combine=: {string.Join(", ", parts.Select(p => RelaxNgGrammar.Where(p)))}");

        var combine = combines.Count == 0
            ? CombineMode.None
            : combines[0] switch
            {
                "choice" => CombineMode.Choice,
                "interleave" => CombineMode.Interleave,
                var other => throw new InvalidDataException($"'{name}': unknown combine=\"{other}\"."),
            };
        return new RelaxNgDefine(name, combine, parts);
    }
}

public enum CombineMode
{
    None,
    Choice,
    Interleave,
}
