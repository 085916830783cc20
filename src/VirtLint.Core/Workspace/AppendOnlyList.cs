namespace VirtLint.Core.Workspace;

/// <summary>
/// A list that only grows, in fixed-size segments: the run's facts reach hundreds of thousands of entries, and a
/// <see cref="List{T}"/> would copy them on every doubling and keep up to half of its array unused.
/// </summary>
internal sealed class AppendOnlyList<T>
{
    // 2,048 entries of the largest element here (a fact, 28 bytes) stay below the large-object threshold.
    private const int SegmentShift = 11;
    private const int SegmentSize = 1 << SegmentShift;

    private readonly List<T[]> _segments = [];

    public int Count { get; private set; }

    public T this[int index] => _segments[index >> SegmentShift][index & (SegmentSize - 1)];

    public void Add(T item)
    {
        var offset = Count & (SegmentSize - 1);
        if (offset == 0) _segments.Add(new T[SegmentSize]);
        _segments[^1][offset] = item;
        Count++;
    }
}
