namespace VirtLint.Core.Configuration;

/// <summary>
/// One <c>.virtlint.yaml</c> after parsing and validation against the rule catalogue, before presets and parents
/// are applied. Paths and globs are kept relative to <see cref="Directory"/>, the file's own directory.
/// </summary>
/// <param name="Extends">Null when the file has no <c>extends</c> key (meaning: the <c>recommended</c> preset).</param>
/// <param name="Include">Null when not set here (inherited through <c>extends</c>, else every <c>*.xml</c>).</param>
public sealed record ConfigFile(
    string Path,
    string Directory,
    IReadOnlyList<ExtendsEntry>? Extends,
    IReadOnlyList<Glob>? Include,
    IReadOnlyList<Glob>? Exclude,
    FailLevel? FailOn,
    IReadOnlyList<RuleSetting> Rules,
    IReadOnlyList<ConfigOverride> Overrides,
    IReadOnlyList<ConfigIgnore> Ignores);

/// <summary>An <c>extends</c> item: a preset name, or the full path of another config file.</summary>
public sealed record ExtendsEntry(ConfigPreset? Preset, string? ConfigPath, int Line, int Column);

/// <summary>One <c>rules:</c> entry: a selector, an optional level, and typed parameters (only for a single rule).</summary>
public sealed record RuleSetting(RuleSelector Selector, RuleLevel? Level, IReadOnlyDictionary<string, ParameterValue> Parameters);

/// <summary>An <c>overrides:</c> item: rule settings for files matching any of the globs.</summary>
public sealed record ConfigOverride(IReadOnlyList<Glob> Files, IReadOnlyList<RuleSetting> Rules);
