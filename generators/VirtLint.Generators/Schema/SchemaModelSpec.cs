using System.Collections.Generic;

namespace VirtLint.Generators.Schema;

/// <summary>The per-context model file, parsed: one entry per document kind, in file order. Plain data, no Roslyn objects.</summary>
internal sealed record SchemaModelSpec(IReadOnlyList<KindSpec> Kinds);

/// <summary>One <c>[kind]</c> section; its first context is the document ("/").</summary>
internal sealed record KindSpec(string Kind, IReadOnlyList<ContextSpec> Contexts);

/// <summary>One <c>context</c> block. Lists are in file order (the builder writes them sorted ordinally).</summary>
internal sealed class ContextSpec(string name, int line)
{
    public string Name { get; } = name;

    /// <summary>The 1-based line of its <c>context</c> line, for errors.</summary>
    public int Line { get; } = line;

    public string? Switch { get; set; }

    public List<KeyValuePair<string, string>> Cases { get; } = new();

    public string? AbsentCase { get; set; }

    /// <summary>Attribute name → its closed values, or null when any value is allowed.</summary>
    public List<KeyValuePair<string, IReadOnlyList<string>?>> Attributes { get; } = new();

    public bool AnyAttribute { get; set; }

    public List<KeyValuePair<string, string>> Children { get; } = new();

    public bool AnyChild { get; set; }

    public IReadOnlyList<string>? Text { get; set; }
}

/// <summary>A problem in the model file, at a 1-based line.</summary>
internal sealed record SchemaModelError(int Line, string Message);
