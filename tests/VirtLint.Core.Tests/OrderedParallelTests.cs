using VirtLint.Core;

namespace VirtLint.Core.Tests;

public sealed class OrderedParallelTests
{
    [Fact]
    public void Results_are_consumed_in_item_order_and_never_more_than_the_window_wait_unconsumed()
    {
        var items = Enumerable.Range(0, 200).ToArray();
        var consumed = new List<int>();
        var started = 0;
        var maxAhead = 0;
        var startedWhileFirstHeld = 0;

        OrderedParallel.Run(items, parallelism: 4, window: 8, item =>
        {
            Interlocked.Increment(ref started);
            if (item == 0)
            {
                // Hold the first item: the other workers run ahead until the window is full, and no further.
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref started) >= 8, TimeSpan.FromSeconds(30)));
                Thread.Sleep(50);
                startedWhileFirstHeld = Volatile.Read(ref started);
            }

            return new Box(item);
        }, box =>
        {
            lock (consumed)
            {
                maxAhead = Math.Max(maxAhead, Volatile.Read(ref started) - consumed.Count);
                consumed.Add(box.Value);
            }
        });

        Assert.Equal(items, consumed);
        Assert.Equal(8, startedWhileFirstHeld);
        // Started but not consumed: at most the window (8) plus the one just handed out of it.
        Assert.InRange(maxAhead, 8, 9);
    }

    [Fact]
    public void An_exception_in_a_mapping_reaches_the_caller()
    {
        var e = Assert.Throws<AggregateException>(() =>
            OrderedParallel.Run(Enumerable.Range(0, 50).ToArray(), 3, 4, item => item == 17 ? throw new InvalidDataException("bad") : new Box(item), _ => { }));

        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void No_items_consumes_nothing()
    {
        var consumed = 0;
        OrderedParallel.Run(Array.Empty<int>(), 4, 8, item => new Box(item), _ => consumed++);
        Assert.Equal(0, consumed);
    }

    private sealed record Box(int Value);
}
