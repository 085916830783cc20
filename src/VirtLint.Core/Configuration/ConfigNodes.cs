namespace VirtLint.Core.Configuration;

/// <summary>
/// A YAML node of a configuration file with the position where it starts, built from YamlDotNet's event stream so
/// that every validation error can point at <c>file:line:col</c>. Only what a config file needs: scalars, sequences
/// and mappings with scalar keys; anchors, aliases and tags are refused by the reader.
/// </summary>
public abstract class ConfigNode
{
    protected ConfigNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What the node is, for "expected a list, found a mapping" messages.</summary>
    public abstract string Describe();
}

public sealed class ConfigScalar : ConfigNode
{
    public ConfigScalar(int line, int column, string value, bool isPlain)
        : base(line, column)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Unquoted: only a plain scalar can be YAML's null (<c>~</c>, <c>null</c>, empty) or a number or boolean.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}

public sealed class ConfigSequence : ConfigNode
{
    public ConfigSequence(int line, int column, IReadOnlyList<ConfigNode> items)
        : base(line, column) => Items = items;

    public IReadOnlyList<ConfigNode> Items { get; }

    public override string Describe() => "a list";
}

public sealed class ConfigMapping : ConfigNode
{
    public ConfigMapping(int line, int column, IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> entries)
        : base(line, column) => Entries = entries;

    /// <summary>Entries in file order; keys are unique (the reader reports duplicates).</summary>
    public IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> Entries { get; }

    public override string Describe() => "a mapping";
}
