namespace VirtLint.Core.Baselines;

/// <summary>
/// Matches a run's findings against a baseline: each entry accepts one finding with the same identity. Thread-safe,
/// so files linted in parallel can match as they finish.
/// </summary>
/// <remarks>
/// The baseline stage runs after suppressions: for each finding not suppressed, <see cref="TryMatch"/> with its
/// identity; true means the finding is accepted (not reported, not counted for the exit code). After the run,
/// <see cref="Unused"/> with the set of linted files gives the entries to report at note level (and to fail on with
/// <c>--strict-baseline</c>).
/// </remarks>
public sealed class BaselineMatcher
{
    private readonly Dictionary<BaselineIdentity, int> _remaining = [];
    private readonly Baseline _baseline;

    public BaselineMatcher(Baseline baseline)
    {
        _baseline = baseline;
        foreach (var entry in baseline.Entries) _remaining[entry] = _remaining.GetValueOrDefault(entry) + 1;
    }

    public bool TryMatch(BaselineIdentity identity)
    {
        identity = identity with { File = BaselineIdentity.NormalizePath(identity.File) };
        lock (_remaining)
        {
            if (!_remaining.TryGetValue(identity, out var count) || count == 0) return false;
            _remaining[identity] = count - 1;
            return true;
        }
    }

    /// <summary>
    /// Entries no finding matched, in baseline order, limited to files the run linted when <paramref name="wasLinted"/>
    /// is given (an entry for a file outside the run says nothing about that file).
    /// </summary>
    public IReadOnlyList<BaselineIdentity> Unused(Func<string, bool>? wasLinted = null)
    {
        lock (_remaining)
        {
            var left = new Dictionary<BaselineIdentity, int>(_remaining);
            var unused = new List<BaselineIdentity>();
            foreach (var entry in _baseline.Entries)
            {
                if (wasLinted is not null && !wasLinted(entry.File)) continue;
                if (left.TryGetValue(entry, out var count) && count > 0)
                {
                    unused.Add(entry);
                    left[entry] = count - 1;
                }
            }

            return unused;
        }
    }
}
