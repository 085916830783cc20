namespace VirtLint.Core.Configuration;

/// <summary>
/// An <c>ignores:</c> item: findings of one rule in files matching the globs are suppressed, with a reason and an
/// optional last day. The third suppression carrier, for documents that cannot hold one (pools, volumes, vendor dumps).
/// </summary>
/// <remarks>
/// One instance per config entry, shared by every file it applies to; the suppression stage records on it, thread-
/// safely, that it applied to a linted file and that it suppressed a finding, so that after the run an entry that
/// applied to linted files but suppressed nothing is reported as unused (an entry for files not linted this run is
/// not: the run may simply not have covered them).
/// </remarks>
public sealed class ConfigIgnore
{
    private int _considered;
    private int _used;

    public ConfigIgnore(RuleDescriptor rule, IReadOnlyList<Glob> files, string reason, DateOnly? until, string configPath, string configDirectory, int line, int column)
    {
        Rule = rule;
        Files = files;
        Reason = reason;
        Until = until;
        ConfigPath = configPath;
        ConfigDirectory = configDirectory;
        Line = line;
        Column = column;
    }

    public RuleDescriptor Rule { get; }

    public IReadOnlyList<Glob> Files { get; }

    public string Reason { get; }

    /// <summary>The last day the entry applies (inclusive); null for no expiry.</summary>
    public DateOnly? Until { get; }

    /// <summary>The config file holding the entry; findings about the entry point here.</summary>
    public string ConfigPath { get; }

    public string ConfigDirectory { get; }

    public int Line { get; }

    public int Column { get; }

    public bool IsExpired(DateOnly today) => Until is { } until && today > until;

    /// <summary>Whether the file (full path) is one the entry names, relative to its config's directory.</summary>
    public bool AppliesTo(string fullPath)
    {
        var relative = ConfigPaths.Relative(ConfigDirectory, fullPath);
        foreach (var glob in Files)
            if (glob.IsMatch(relative)) return true;
        return false;
    }

    public bool WasConsidered => Volatile.Read(ref _considered) != 0;

    public bool WasUsed => Volatile.Read(ref _used) != 0;

    /// <summary>Recorded by the suppression stage when a linted file is one the entry applies to.</summary>
    public void MarkConsidered() => Interlocked.Exchange(ref _considered, 1);

    /// <summary>Recorded by the suppression stage when the entry suppressed a finding.</summary>
    public void MarkUsed() => Interlocked.Exchange(ref _used, 1);
}
