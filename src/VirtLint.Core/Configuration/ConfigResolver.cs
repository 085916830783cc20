using System.Collections.Concurrent;
using System.Text;

namespace VirtLint.Core.Configuration;

/// <summary>How a run finds its configuration.</summary>
public sealed record ConfigResolverOptions
{
    /// <summary><c>--config FILE</c>: this file (full path) governs every input; nothing is discovered.</summary>
    public string? ExplicitConfig { get; init; }

    /// <summary><c>--isolated</c>: no config file at all (built-in defaults and the command line only).</summary>
    public bool Isolated { get; init; }

    public CommandLineOverrides CommandLine { get; init; } = CommandLineOverrides.None;
}

/// <summary>
/// Finds and resolves the configuration of each linted file. Discovery: the nearest <c>.virtlint.yaml</c> (or
/// <c>.yml</c>) in the file's directory or an ancestor, stopping at the git root (a directory holding <c>.git</c>),
/// so a file gets the same findings whatever the working directory. A parent config is inherited only through
/// <c>extends</c>. Relative paths and globs resolve against the config file's own directory.
/// </summary>
/// <remarks>
/// The engine creates one resolver per run and, before linting anything, calls <see cref="For"/> for every input
/// (a <see cref="ConfigException"/> means exit 2 with <see cref="ConfigException.Errors"/> printed, and nothing
/// linted); then it uses the returned <see cref="EffectiveConfig"/> for that file's document. The directory walk asks
/// <see cref="IsIncluded"/> per file and <see cref="IsExcludedDirectory"/> per directory. Thread-safe; each config
/// file is read and validated once, each directory looked up once, and files with the same configuration share one
/// rule table, so the cost per file is a few dictionary lookups plus the glob matches of overrides and ignores.
/// Standard input has no path: resolve it as a file named <c>-</c> in the current directory.
/// </remarks>
public sealed class ConfigResolver
{
    private readonly RuleLookup _lookup;
    private readonly ConfigResolverOptions _options;
    private readonly object _loadLock = new();
    private readonly Dictionary<string, Loaded> _loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _nearest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Table> _tables = new(StringComparer.Ordinal);
    private readonly Severity?[] _recommended;
    private readonly DirectoryNameCache _directories = new();

    public ConfigResolver(RuleLookup lookup, ConfigResolverOptions? options = null)
    {
        _lookup = lookup;
        _options = options ?? new ConfigResolverOptions();
        _recommended = ConfigPresets.Default.Resolve(lookup);
    }

    /// <summary>The configuration for the file at <paramref name="fullPath"/>; throws <see cref="ConfigException"/> when a config in its chain is invalid.</summary>
    public EffectiveConfig For(string fullPath)
    {
        fullPath = Path.GetFullPath(fullPath);
        var configPath = ConfigFileFor(fullPath);
        var config = configPath is null ? null : Load(configPath);

        // A file outside every config file needs no signature: a run of 100,000 such files asks this per file.
        var key = config is null ? "" : SignatureOf(configPath!, config, fullPath);
        var table = _tables.TryGetValue(key, out var known)
            ? known
            : _tables.GetOrAdd(key, static (_, at) => at.Resolver.Build(at.Config, at.FullPath), (Resolver: this, Config: config, FullPath: fullPath));
        var ignores = IgnoresOf(config, fullPath);
        // Files sharing a table and ignoring nothing share one configuration: a run of 100,000 files holds a handful.
        if (ignores.Count == 0) return table.Shared ??= new EffectiveConfig(_lookup, table.Rules, table.FailOn, table.Sources, ignores);
        return new EffectiveConfig(_lookup, table.Rules, table.FailOn, table.Sources, ignores);
    }

    /// <summary>
    /// The config file governing <paramref name="fullPath"/>: the explicit one, else the nearest discovered one, else
    /// null (isolated, or none up to the git root). Throws when a directory holds both <c>.virtlint.yaml</c> and <c>.yml</c>.
    /// </summary>
    public string? ConfigFileFor(string fullPath)
    {
        if (_options.Isolated) return null;
        if (_options.ExplicitConfig is { } explicitPath) return Path.GetFullPath(explicitPath);
        var directory = _directories.Of(Path.GetFullPath(fullPath));
        return directory is null ? null : Nearest(directory);
    }

    /// <summary>
    /// Whether a file found by walking a directory is linted: it matches the governing config's <c>include</c>
    /// globs (every file the walk yields, when none are set) and none of its <c>exclude</c> globs.
    /// </summary>
    public bool IsIncluded(string fullPath)
    {
        fullPath = Path.GetFullPath(fullPath);
        var configPath = ConfigFileFor(fullPath);
        if (configPath is null) return true;
        var config = Load(configPath);
        if (config.Include is { } include && !include.Any(g => g.Matches(fullPath))) return false;
        return config.Exclude is not { } exclude || !exclude.Any(g => g.Matches(fullPath));
    }

    /// <summary>Whether a walk can skip a whole directory: an <c>exclude</c> glob such as <c>archive/**</c> covers everything under it.</summary>
    public bool IsExcludedDirectory(string fullDirectory)
    {
        fullDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(fullDirectory));
        var configPath = _options.Isolated ? null : _options.ExplicitConfig is { } e ? Path.GetFullPath(e) : Nearest(fullDirectory);
        if (configPath is null) return false;
        var config = Load(configPath);
        return config.Exclude is { } exclude && exclude.Any(g => g.CoversDirectory(fullDirectory));
    }

    /// <summary>
    /// Every <c>ignores:</c> entry of every config file loaded so far (successfully): after the run, the engine passes
    /// them to <see cref="Suppressions.SuppressionMatcher.ConfigIgnoreProblems"/> to report unused and expired ones.
    /// </summary>
    public IReadOnlyList<ConfigIgnore> LoadedIgnores()
    {
        lock (_loadLock)
        {
            return _loaded.Values.Where(l => l.Failure is null).SelectMany(l => l.Ignores).Distinct().ToArray();
        }
    }

    // ---- discovery ----

    private string? Nearest(string directory)
    {
        if (_nearest.TryGetValue(directory, out var known)) return known;
        string? found = null;
        var candidates = ConfigPaths.FileNames.Select(name => Path.Combine(directory, name)).Where(File.Exists).ToArray();
        if (candidates.Length > 1)
            throw new ConfigException([new ConfigError(candidates[1], 1, 1, $"Both {ConfigPaths.FileNames[0]} and {ConfigPaths.FileNames[1]} exist in '{directory}'; keep one.")]);
        if (candidates.Length == 1) found = candidates[0];
        else if (!ConfigPaths.IsGitRoot(directory) && Path.GetDirectoryName(directory) is { } parent) found = Nearest(parent);
        _nearest[directory] = found;
        return found;
    }

    // ---- loading (once per config file, with its extends chain) ----

    private Loaded Load(string fullPath)
    {
        lock (_loadLock)
        {
            return Load(fullPath, [], null, 0, 0);
        }
    }

    private Loaded Load(string fullPath, List<string> chain, string? fromPath, int fromLine, int fromColumn)
    {
        if (_loaded.TryGetValue(fullPath, out var cached)) return cached.Failure is null ? cached : throw cached.Failure;

        var errors = new List<ConfigError>();
        Loaded result;
        string? text = null;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(fromPath is null
                ? new ConfigError(fullPath, 1, 1, $"Cannot read the configuration file: {e.Message}")
                : new ConfigError(fromPath, fromLine, fromColumn, $"Cannot read '{fullPath}', extended here: {e.Message}"));
        }

        var file = text is null ? null : ConfigFileParser.Parse(text, fullPath, _lookup, errors);
        if (file is null)
        {
            result = new Loaded(null!, [], null, null, FailLevel.Warning, [], [fullPath], Fail(errors));
            _loaded[fullPath] = result;
            throw result.Failure!;
        }

        chain.Add(fullPath);
        var parents = new List<Loaded?>();
        foreach (var entry in file.Extends ?? [])
        {
            if (entry.ConfigPath is not { } parentPath)
            {
                parents.Add(null);
                continue;
            }

            if (chain.Contains(parentPath, StringComparer.Ordinal))
            {
                errors.Add(new ConfigError(fullPath, entry.Line, entry.Column, $"'extends' forms a cycle: {string.Join(" -> ", chain.SkipWhile(p => p != parentPath).Append(parentPath))}."));
                continue;
            }

            if (!File.Exists(parentPath))
            {
                errors.Add(new ConfigError(fullPath, entry.Line, entry.Column, $"The configuration file '{parentPath}' extended here does not exist."));
                continue;
            }

            try
            {
                parents.Add(Load(parentPath, chain, fullPath, entry.Line, entry.Column));
            }
            catch (ConfigException e)
            {
                errors.AddRange(e.Errors);
            }
        }

        chain.RemoveAt(chain.Count - 1);
        if (errors.Count > 0)
        {
            result = new Loaded(file, [], null, null, FailLevel.Warning, [], [fullPath], Fail(errors));
            _loaded[fullPath] = result;
            throw result.Failure!;
        }

        // include, exclude and fail-on: the file's own, else the last parent's that sets one.
        var include = file.Include is { } own ? own.Select(g => new LocatedGlob(g, file.Directory)).ToArray() : parents.LastOrDefault(p => p?.Include is not null)?.Include;
        var exclude = file.Exclude is { } ex ? ex.Select(g => new LocatedGlob(g, file.Directory)).ToArray() : parents.LastOrDefault(p => p?.Exclude is not null)?.Exclude;
        var failOn = file.FailOn ?? parents.LastOrDefault(p => p?.FailOnSet == true)?.FailOn ?? FailLevel.Warning;
        var failOnSet = file.FailOn is not null || parents.Any(p => p?.FailOnSet == true);
        var ignores = parents.Where(p => p is not null).SelectMany(p => p!.Ignores).Concat(file.Ignores).ToArray();
        var sources = new List<string> { fullPath };
        foreach (var parent in parents)
            if (parent is not null)
                foreach (var source in parent.Sources)
                    if (!sources.Contains(source, StringComparer.Ordinal)) sources.Add(source);

        result = new Loaded(file, parents, include, exclude, failOn, ignores, sources, null) { FailOnSet = failOnSet };
        _loaded[fullPath] = result;
        return result;
    }

    private static ConfigException Fail(List<ConfigError> errors)
    {
        var distinct = errors.Distinct().ToList();
        distinct.Sort(ConfigError.Compare);
        return new ConfigException(distinct);
    }

    // ---- per-file resolution ----

    // Which overrides of the chain match the file: files with the same answer share one rule table.
    private static IReadOnlyList<ConfigIgnore> IgnoresOf(Loaded? config, string fullPath) =>
        config is null || config.Ignores.Count == 0 ? [] : config.Ignores.Where(i => i.AppliesTo(fullPath)).ToArray();

    private static string SignatureOf(string configPath, Loaded config, string fullPath)
    {
        var signature = new StringBuilder(configPath);
        Signature(config, fullPath, signature);
        return signature.ToString();
    }

    private static void Signature(Loaded config, string fullPath, StringBuilder signature)
    {
        signature.Append('|');
        foreach (var o in config.File.Overrides) signature.Append(OverrideMatches(o, config.File.Directory, fullPath) ? '1' : '0');
        foreach (var parent in config.Parents)
            if (parent is not null) Signature(parent, fullPath, signature);
    }

    private Table Build(Loaded? config, string fullPath)
    {
        RuleConfiguration[] rules;
        if (config is null)
        {
            rules = RuleTable.AllOff(_lookup);
            RuleTable.ApplyPreset(rules, _recommended);
        }
        else
        {
            rules = Rules(config, fullPath);
        }

        _options.CommandLine.Apply(rules, _lookup);
        var failOn = _options.CommandLine.FailOn ?? config?.FailOn ?? FailLevel.Warning;
        return new Table(rules, failOn, config?.Sources ?? []);
    }

    // Presets and parents (in extends order), then the file's rules (category < tag < id), then its matching overrides in order.
    private RuleConfiguration[] Rules(Loaded config, string fullPath)
    {
        var file = config.File;
        var rules = RuleTable.AllOff(_lookup);
        if (file.Extends is null)
        {
            RuleTable.ApplyPreset(rules, _recommended);
        }
        else
        {
            for (var i = 0; i < file.Extends.Count; i++)
            {
                if (file.Extends[i].Preset is { } preset) RuleTable.ApplyPreset(rules, preset == ConfigPresets.Default ? _recommended : preset.Resolve(_lookup));
                else if (config.Parents[i] is { } parent) Rules(parent, fullPath).CopyTo(rules, 0);
            }
        }

        RuleTable.Apply(rules, file.Rules, _lookup);
        foreach (var o in file.Overrides)
            if (OverrideMatches(o, file.Directory, fullPath)) RuleTable.Apply(rules, o.Rules, _lookup);
        return rules;
    }

    private static bool OverrideMatches(ConfigOverride o, string directory, string fullPath)
    {
        var relative = ConfigPaths.Relative(directory, fullPath);
        foreach (var glob in o.Files)
            if (glob.IsMatch(relative)) return true;
        return false;
    }

    private sealed record Table(RuleConfiguration[] Rules, FailLevel FailOn, IReadOnlyList<string> Sources)
    {
        /// <summary>The configuration of every file of this table without ignores (set once; two threads racing make equal ones).</summary>
        public EffectiveConfig? Shared { get; set; }
    }

    /// <summary>A glob with the directory it is relative to (a parent's globs stay relative to the parent).</summary>
    private sealed record LocatedGlob(Glob Glob, string Directory)
    {
        public bool Matches(string fullPath) => Glob.IsMatch(ConfigPaths.Relative(Directory, fullPath));

        public bool CoversDirectory(string fullDirectory) => Glob.MatchesEverythingUnder(ConfigPaths.Relative(Directory, fullDirectory) is "." ? "" : ConfigPaths.Relative(Directory, fullDirectory));
    }

    private sealed record Loaded(
        ConfigFile File,
        IReadOnlyList<Loaded?> Parents,
        IReadOnlyList<LocatedGlob>? Include,
        IReadOnlyList<LocatedGlob>? Exclude,
        FailLevel FailOn,
        IReadOnlyList<ConfigIgnore> Ignores,
        IReadOnlyList<string> Sources,
        ConfigException? Failure)
    {
        public bool FailOnSet { get; init; }
    }
}
