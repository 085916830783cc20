using VirtLint.Core.Baselines;

namespace VirtLint.Core.Tests.Baselines;

public sealed class BaselineMatcherTests
{
    private static BaselineIdentity Id(string file, string rule, string location, string hash = "00") => new(file, rule, location, hash);

    private static readonly BaselineIdentity WebCache = Id("vms/web01.xml", "VL1003", "domain[web01]/devices/disk[vda]/driver/@cache");
    private static readonly BaselineIdentity WebBus = Id("vms/web01.xml", "VL1001", "domain[web01]/devices/disk[hda]/target/@bus");
    private static readonly BaselineIdentity DbCache = Id("vms/db01.xml", "VL1003", "domain[db01]/devices/disk[vda]/driver/@cache");

    [Fact]
    public void Each_entry_accepts_one_finding()
    {
        var matcher = new BaselineMatcher(Baseline.Create([WebCache, WebCache, WebBus]));
        Assert.True(matcher.TryMatch(WebCache));
        Assert.True(matcher.TryMatch(WebCache with { File = "./vms/web01.xml" }));
        Assert.False(matcher.TryMatch(WebCache));
        Assert.False(matcher.TryMatch(WebBus with { ValueHash = "01" }));
        Assert.Equal([WebBus], matcher.Unused());
    }

    [Fact]
    public void A_fixed_problem_swapped_for_a_new_one_in_the_same_file_surfaces()
    {
        var matcher = new BaselineMatcher(Baseline.Create([WebCache]));
        Assert.False(matcher.TryMatch(WebBus));
        Assert.Equal([WebCache], matcher.Unused());
    }

    [Fact]
    public void Unused_entries_are_limited_to_the_files_the_run_linted()
    {
        var matcher = new BaselineMatcher(Baseline.Create([WebCache, DbCache]));
        Assert.Equal([WebCache], matcher.Unused(file => file == "vms/web01.xml"));
        Assert.Equal([DbCache, WebCache], matcher.Unused());
    }

    [Fact]
    public void Update_adds_new_findings_drops_fixed_ones_and_keeps_other_files()
    {
        var old = Baseline.Create([WebCache, DbCache]);
        var updated = old.Update([WebBus], file => file == "vms/web01.xml");
        Assert.Equal([DbCache, WebBus], updated.Entries);
    }

    [Fact]
    public void Prune_drops_only_what_no_longer_matches()
    {
        var old = Baseline.Create([WebCache, WebCache, WebBus, DbCache]);
        var matcher = new BaselineMatcher(old);
        matcher.TryMatch(WebCache);
        matcher.TryMatch(Id("vms/web01.xml", "VL1205", "domain[web01]"));
        var pruned = old.Prune(matcher, file => file == "vms/web01.xml");
        Assert.Equal([DbCache, WebCache], pruned.Entries);
    }

    [Fact]
    public void Matching_is_safe_from_parallel_files()
    {
        var entries = Enumerable.Range(0, 2000).Select(i => Id($"vms/vm{i % 50}.xml", "VL1003", $"domain[vm]/devices/disk[vd{i}]")).ToList();
        var matcher = new BaselineMatcher(Baseline.Create(entries.Concat(entries)));
        var matched = 0;
        Parallel.ForEach(entries.Concat(entries).Concat(entries), e =>
        {
            if (matcher.TryMatch(e)) Interlocked.Increment(ref matched);
        });
        Assert.Equal(4000, matched);
        Assert.Empty(matcher.Unused());
    }
}
