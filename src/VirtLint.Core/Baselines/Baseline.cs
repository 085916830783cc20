namespace VirtLint.Core.Baselines;

/// <summary>
/// Accepted findings: a sorted multiset of <see cref="BaselineIdentity"/> (the same identity may be accepted more than
/// once, when a rule flags the same node twice). Immutable; the operations return new baselines.
/// </summary>
/// <remarks>
/// <c>virtlint baseline create</c>: <see cref="Create"/> from every finding of the run, written with
/// <see cref="BaselineFile.Write"/>. <c>virtlint check --baseline</c>: a <see cref="BaselineMatcher"/> over
/// <see cref="BaselineFile.Read"/>. <c>baseline update</c>: <see cref="Update"/> (adds new findings, drops fixed ones,
/// keeps entries of files the run did not lint). <c>baseline prune</c>: <see cref="Prune"/> (drops only what no
/// longer matches).
/// </remarks>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private Baseline(BaselineIdentity[] entries) => Entries = entries;

    public static Baseline Empty { get; } = new([]);

    /// <summary>Entries in file, rule, location, hash order.</summary>
    public IReadOnlyList<BaselineIdentity> Entries { get; }

    public static Baseline Create(IEnumerable<BaselineIdentity> findings)
    {
        var entries = findings.Select(e => e with { File = BaselineIdentity.NormalizePath(e.File) }).ToArray();
        Array.Sort(entries);
        return new Baseline(entries);
    }

    /// <summary>
    /// The run's findings for the files it linted, and the old entries of every other file: new findings are added,
    /// fixed ones dropped. <paramref name="wasLinted"/> takes a normalized repository-relative path.
    /// </summary>
    public Baseline Update(IEnumerable<BaselineIdentity> findings, Func<string, bool> wasLinted) =>
        Create(Entries.Where(e => !wasLinted(e.File)).Concat(findings));

    /// <summary>The entries a run matched, and those of files it did not lint: fixed findings are dropped, nothing is added.</summary>
    public Baseline Prune(BaselineMatcher matcher, Func<string, bool> wasLinted)
    {
        var unused = new Dictionary<BaselineIdentity, int>();
        foreach (var entry in matcher.Unused(wasLinted)) unused[entry] = unused.GetValueOrDefault(entry) + 1;
        var kept = new List<BaselineIdentity>(Entries.Count);
        foreach (var entry in Entries)
        {
            if (unused.TryGetValue(entry, out var count) && count > 0) unused[entry] = count - 1;
            else kept.Add(entry);
        }

        return new Baseline(kept.ToArray());
    }
}
