namespace VirtLint.Cli;

/// <summary>
/// Keeps a run's memory close to what it actually holds. Left alone, the collector lets a heap of long-lived data (a
/// fleet's cross-document facts) grow to about twice its size before collecting it, so 100,000 domains peaked at
/// 340 MiB of resident memory for about 110 MiB of live objects. A heap limit makes it collect sooner; this one follows
/// the run instead of being fixed: it is raised before a large file is parsed (room for a tree many times the file's
/// size on every worker) and whenever the heap after a collection fills most of it, so no input that fits in memory
/// fails for want of it.
/// </summary>
internal sealed class HeapBudget : IDisposable
{
    private const long MiB = 1024 * 1024;

    // Below this the collector would run far more often than the work it saves.
    private const long Floor = 96 * MiB;

    // Room above the held heap for the documents in flight: a parsed tree and its checks take many times the file's
    // bytes, on each worker, and finished files wait for earlier ones to be reported.
    private const long BytesPerInputByte = 24;
    private const long MinimumRoom = 64 * MiB;

    private readonly int _workers;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private long _room;
    private long _limit;
    private bool _disabled;

    private HeapBudget(int workers)
    {
        _workers = workers;
        _room = MinimumRoom;
        lock (_gate) Raise(Live());
        _timer = new Timer(_ => Check(), null, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50));
    }

    /// <summary>Starts following the heap, unless the environment already limits it (a container, a configured limit).</summary>
    public static HeapBudget? Start(int workers) =>
        AppContext.GetData("GCHeapHardLimit") is null && GC.GetGCMemoryInfo().TotalAvailableMemoryBytes > 4 * Floor
            ? new HeapBudget(workers)
            : null;

    /// <summary>Makes room for parsing a file of <paramref name="bytes"/> before its tree is built.</summary>
    public void BeforeParse(long bytes)
    {
        var room = Math.Max(MinimumRoom, bytes * BytesPerInputByte * (_workers + 1));
        if (room <= Volatile.Read(ref _room)) return;
        lock (_gate)
        {
            if (room <= _room) return;
            _room = room;
            Raise(Live());
        }
    }

    private void Check()
    {
        var live = Live();
        lock (_gate)
        {
            // Raise when what survived the last full collection fills more than half of what is left after the room.
            if (live > (_limit - _room) / 2) Raise(live);
        }
    }

    // What the last full collection kept (a younger collection's heap size still counts the dead older objects it
    // did not look at); before any, the whole heap. The collector collects fully on its own as the heap nears the
    // limit, so growing live data is seen before it could reach it.
    private static long Live()
    {
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        if (full.Index == 0) return GC.GetGCMemoryInfo().HeapSizeBytes;
        return full.HeapSizeBytes - full.FragmentedBytes;
    }

    // Live data × 2 + room: the collector then works hard only when live data really nears the limit.
    private void Raise(long held)
    {
        if (_disabled) return;
        var limit = Math.Max(Floor + _room, 2 * held + _room);
        if (limit <= _limit) return;
        try
        {
            AppContext.SetData("GCHeapHardLimit", (ulong)limit);
            GC.RefreshMemoryLimit();
            _limit = limit;
            if (Environment.GetEnvironmentVariable("VL_DEBUG_HEAP") is not null) Console.Error.WriteLine($"limit {limit / MiB} MiB held {held / MiB} MiB total {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MiB}");
        }
        catch (InvalidOperationException)
        {
            // The runtime refused the limit (it cannot be applied here): leave the heap to the collector's defaults.
            Disable();
        }
    }

    private void Disable()
    {
        _disabled = true;
        AppContext.SetData("GCHeapHardLimit", (ulong)0);
        try
        {
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate) Disable();
    }
}
