namespace VirtLint.Core;

/// <summary>One file to lint. <paramref name="Content"/> is set when the bytes are already in hand (standard input).</summary>
public sealed record LintInput(string DisplayPath, string? FilePath, byte[]? Content = null)
{
    /// <summary>The file's configuration (resolved before the run, so a config error stops it before anything is linted); null: every rule on at its default severity.</summary>
    public Configuration.EffectiveConfig? Config { get; init; }

    public const string StdinName = "<stdin>";

    public static LintInput FromFile(string displayPath, string filePath) => new(displayPath, filePath);

    public static LintInput FromBytes(string displayPath, byte[] content) => new(displayPath, null, content);
}

/// <summary>A path that could not be read at all; reported on its own line, with exit code 2.</summary>
public sealed record InputError(string Path, string Message);
