namespace VirtLint.Core;

/// <summary>
/// Maps items in parallel and hands the results to a consumer in item order, through a window of at most
/// <c>window</c> results computed but not yet consumed: memory is bounded by the window, not by the item count. A
/// worker takes the next item only when the window has room, so a slow item holds the others back instead of letting
/// finished results pile up behind it.
/// </summary>
public static class OrderedParallel
{
    public static void Run<TIn, TOut>(IReadOnlyList<TIn> items, int parallelism, int window, Func<TIn, TOut> map, Action<TOut> consume)
        where TOut : class
    {
        parallelism = Math.Max(1, parallelism);
        window = Math.Max(parallelism, window);
        var slots = new TOut?[window];
        var room = new SemaphoreSlim(window);
        var gate = new object();
        var next = -1;
        var waitingFor = -1;
        var stop = false;
        Exception? failure = null;

        void Work()
        {
            while (true)
            {
                room.Wait();
                var i = Interlocked.Increment(ref next);
                if (i >= items.Count || Volatile.Read(ref stop)) return;
                TOut result;
                try
                {
                    result = map(items[i]);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                        Monitor.PulseAll(gate);
                    }

                    return;
                }

                lock (gate)
                {
                    slots[i % window] = result;
                    // Only the result the consumer waits for wakes it: each wake is a system call and a context switch.
                    if (i == waitingFor) Monitor.Pulse(gate);
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Min(parallelism, Math.Max(1, items.Count)))
            .Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)).ToArray();
        try
        {
            var ready = new List<TOut>();
            for (var delivered = 0; delivered < items.Count;)
            {
                lock (gate)
                {
                    waitingFor = delivered;
                    while (slots[delivered % window] is null && failure is null) Monitor.Wait(gate);
                    waitingFor = -1;
                    if (failure is not null) throw new AggregateException(failure);
                    // Every result ready in order is taken at once, so the lock is taken once per run of them.
                    while (delivered < items.Count && slots[delivered % window] is { } result)
                    {
                        ready.Add(result);
                        slots[delivered % window] = null;
                        delivered++;
                    }
                }

                // Room is given back as each result is consumed, so the window still bounds what is held.
                foreach (var result in ready)
                {
                    consume(result);
                    room.Release();
                }

                ready.Clear();
            }
        }
        finally
        {
            // Wake every worker still waiting for room so it sees the end (or a failure) and returns.
            Volatile.Write(ref stop, true);
            room.Release(parallelism);
            Task.WaitAll(workers);
        }
    }
}
