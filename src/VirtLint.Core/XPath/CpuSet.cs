namespace VirtLint.Core.XPath;

/// <summary>
/// A libvirt cpuset ("0-3,^2,8"), held as sorted, disjoint, inclusive ranges so that counting, comparing and indexing
/// cost time in the number of ranges written, never in the number of CPUs they span.
/// </summary>
public sealed class CpuSet
{
    /// <summary>libvirt's VIR_DOMAIN_CPUMASK_LEN (src/conf/domain_conf.h): CPU numbers range from 0 to 16383.</summary>
    public const int Limit = 16384;

    private CpuSet((int First, int Last)[] ranges)
    {
        Ranges = ranges;
        foreach (var (first, last) in ranges) Count += last - first + 1;
    }

    public IReadOnlyList<(int First, int Last)> Ranges { get; }

    public int Count { get; }

    public bool Overlaps(CpuSet other)
    {
        int i = 0, j = 0;
        while (i < Ranges.Count && j < other.Ranges.Count)
        {
            var (a, b) = (Ranges[i], other.Ranges[j]);
            if (a.Last < b.First) i++;
            else if (b.Last < a.First) j++;
            else return true;
        }

        return false;
    }

    /// <summary>
    /// Parses like libvirt's virBitmapParse (src/util/virbitmap.c) into a bitmap of <see cref="Limit"/> bits:
    /// comma-separated decimal CPU numbers, ranges <c>N-M</c> with N ≤ M, and <c>^N</c> removing a CPU that earlier
    /// parts added (parts apply in order, so a later part can add it back); spaces around numbers and a trailing comma
    /// are allowed; a number beyond the bitmap is an error.
    /// </summary>
    public static bool TryParse(string text, out CpuSet set)
    {
        set = Empty;
        var parts = new List<(int First, int Last, bool Negated)>();
        var i = SkipSpaces(text, 0);
        if (i == text.Length) return false;
        while (i < text.Length)
        {
            var negated = text[i] == '^';
            if (negated) i++;
            if (!ReadNumber(text, ref i, out var first)) return false;
            var last = first;
            i = SkipSpaces(text, i);
            if (i < text.Length && text[i] == '-')
            {
                if (negated) return false;
                i = SkipSpaces(text, i + 1);
                if (!ReadNumber(text, ref i, out last) || last < first) return false;
                i = SkipSpaces(text, i);
            }

            parts.Add((first, last, negated));
            if (i == text.Length) break;
            if (text[i] != ',') return false;
            i = SkipSpaces(text, i + 1);
        }

        set = new CpuSet(Resolve(parts));
        return true;
    }

    private static CpuSet Empty { get; } = new([]);

    private static int SkipSpaces(string text, int i)
    {
        // c_isspace: space, \t, \n, \v, \f, \r.
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        return i;
    }

    private static bool ReadNumber(string text, ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            value = value * 10 + (text[i] - '0');
            if (value >= Limit) return false;
            i++;
        }

        return i > start;
    }

    /// <summary>
    /// Applies the parts in order: a CPU is in the set when the last part naming it adds it. Added ranges are merged;
    /// a removed CPU stays removed unless a later range covers it, which a sweep over the sorted parts decides.
    /// </summary>
    private static (int First, int Last)[] Resolve(List<(int First, int Last, bool Negated)> parts)
    {
        var added = new List<(int First, int Last, int Order)>();
        var removed = new Dictionary<int, int>();
        for (var order = 0; order < parts.Count; order++)
        {
            var (first, last, negated) = parts[order];
            if (negated) removed[first] = order;
            else added.Add((first, last, order));
        }

        added.Sort((a, b) => a.First.CompareTo(b.First));
        var gone = new List<int>();
        if (removed.Count > 0)
        {
            // Ranges that start at or before the removed CPU, the latest-written on top; those ending before it are dropped.
            var open = new PriorityQueue<(int Last, int Order), int>();
            var next = 0;
            foreach (var (cpu, order) in removed.OrderBy(r => r.Key))
            {
                for (; next < added.Count && added[next].First <= cpu; next++)
                    open.Enqueue((added[next].Last, added[next].Order), -added[next].Order);
                while (open.Count > 0 && open.Peek().Last < cpu) open.Dequeue();
                if (open.Count == 0 || open.Peek().Order < order) gone.Add(cpu);
            }
        }

        var ranges = new List<(int First, int Last)>();
        foreach (var (first, last, _) in added)
        {
            if (ranges.Count > 0 && first <= ranges[^1].Last + 1)
                ranges[^1] = (ranges[^1].First, Math.Max(ranges[^1].Last, last));
            else
                ranges.Add((first, last));
        }

        return gone.Count == 0 ? ranges.ToArray() : Subtract(ranges, gone);
    }

    private static (int First, int Last)[] Subtract(List<(int First, int Last)> ranges, List<int> sortedCpus)
    {
        var result = new List<(int First, int Last)>();
        var k = 0;
        foreach (var (first, last) in ranges)
        {
            var start = first;
            for (; k < sortedCpus.Count && sortedCpus[k] <= last; k++)
            {
                var cpu = sortedCpus[k];
                if (cpu < start) continue;
                if (cpu > start) result.Add((start, cpu - 1));
                start = cpu + 1;
            }

            if (start <= last) result.Add((start, last));
        }

        return result.ToArray();
    }
}
