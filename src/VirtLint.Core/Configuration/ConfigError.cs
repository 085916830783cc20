namespace VirtLint.Core.Configuration;

/// <summary>
/// A configuration problem at <c>file:line:col</c> (1-based), or on the command line when <see cref="Path"/> is null.
/// Any error means exit 2 and nothing is linted.
/// </summary>
public sealed record ConfigError(string? Path, int Line, int Column, string Message)
{
    public static ConfigError At(string path, ConfigNode node, string message) => new(path, node.Line, node.Column, message);

    public static ConfigError CommandLine(string message) => new(null, 0, 0, message);

    public override string ToString() => Path is null ? Message : $"{Path}:{Line}:{Column}: {Message}";

    /// <summary>File order, then position, then text: the order errors are printed in.</summary>
    public static int Compare(ConfigError a, ConfigError b)
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    }
}

/// <summary>Thrown when a configuration cannot be used; carries every error found, in print order.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(errors.Count == 0 ? "Invalid configuration." : errors[0].ToString()) => Errors = errors;

    public IReadOnlyList<ConfigError> Errors { get; }
}
