using VirtLint.Core;

namespace VirtLint.Cli.Formats.Sarif;

/// <summary>
/// The SARIF results of a run under <c>--sarif-max-results</c>: the most severe up to the cap, earlier ones first
/// among equals, handed back in report order. Only the results it may still keep are in memory (a heap of at most the
/// cap), so a run's memory is bounded by the cap, not by its size; 0 keeps every result.
/// </summary>
internal sealed class SarifResultCap
{
    private readonly int _max;
    private readonly PriorityQueue<Entry, Entry> _kept;
    private readonly int[] _total = new int[3];
    private int _sequence;

    public SarifResultCap(int max)
    {
        _max = max;
        _kept = new PriorityQueue<Entry, Entry>(WorstFirst.Instance);
    }

    public int Count { get; private set; }

    /// <summary>Offers a finding, in report order for files (late findings may come after); its result is made only when kept.</summary>
    public void Add(Finding finding, Func<SarifResult> result)
    {
        Count++;
        _total[Slot(finding.Severity)]++;
        var entry = new Entry(finding, _sequence++);
        if (_max > 0 && _kept.Count == _max)
        {
            if (WorstFirst.Instance.Compare(entry, _kept.Peek()) <= 0) return;
            _kept.Dequeue();
        }

        entry.Result = result();
        _kept.Enqueue(entry, entry);
    }

    /// <summary>The findings kept, in report order.</summary>
    public IReadOnlyList<Finding> KeptFindings() => Ordered().Select(e => e.Finding).ToArray();

    public SarifResult[] Kept() => Ordered().Select(e => e.Result!).ToArray();

    /// <summary>What the cap dropped, as a notification message; null when it dropped nothing.</summary>
    public string? Dropped(Func<int, string> number)
    {
        if (_max <= 0 || Count <= _max) return null;
        var kept = new int[3];
        foreach (var (entry, _) in _kept.UnorderedItems) kept[Slot(entry.Finding.Severity)]++;
        var bySeverity = new[] { Severity.Error, Severity.Warning, Severity.Note }
            .Select(s => (Severity: s, Count: _total[Slot(s)] - kept[Slot(s)]))
            .Where(p => p.Count > 0)
            .Select(p => $"{number(p.Count)} {p.Severity.ToName()}{(p.Count == 1 ? "" : "s")}");
        return $"Kept the {number(_max)} most severe of {number(Count)} results and dropped {number(Count - _max)} ({string.Join(", ", bySeverity)}): " +
            "GitHub code scanning displays at most 5,000 results per run and rejects more than 25,000. Raise --sarif-max-results or lint fewer files.";
    }

    private List<Entry> Ordered()
    {
        var entries = _kept.UnorderedItems.Select(p => p.Element).ToList();
        entries.Sort(ReportOrder);
        return entries;
    }

    private static int Slot(Severity severity) => severity switch
    {
        Severity.Error => 0,
        Severity.Warning => 1,
        _ => 2,
    };

    private static int ReportOrder(Entry a, Entry b) => Finding.Compare(a.Finding, b.Finding) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence);

    private sealed class Entry(Finding finding, int sequence)
    {
        public Finding Finding { get; } = finding;
        public int Sequence { get; } = sequence;
        public SarifResult? Result { get; set; }
    }

    /// <summary>The result to drop first: the least severe, and among equals the latest in report order.</summary>
    private sealed class WorstFirst : IComparer<Entry>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Entry? a, Entry? b)
        {
            var c = a!.Finding.Severity.CompareTo(b!.Finding.Severity);
            return c != 0 ? c : ReportOrder(b, a);
        }
    }
}
