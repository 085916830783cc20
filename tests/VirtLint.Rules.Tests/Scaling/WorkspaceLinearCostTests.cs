using System.Diagnostics;
using System.Text;
using VirtLint.Core;
using Xunit.Abstractions;

namespace VirtLint.Rules.Tests.Scaling;

/// <summary>
/// The cross-document rules' worst case: every domain of a run has the same name, UUID, MAC address, disk image and
/// fixed display port, and every network the same subnet and bridge, so every document after the first is flagged.
/// Ten times the documents must cost about ten times as much (allocations and the best of several wall times), never
/// the hundred times of comparing documents pairwise.
/// </summary>
[Collection(nameof(LinearCostCollection))]
public sealed class WorkspaceLinearCostTests(ITestOutputHelper output)
{
    private const int Small = 500;
    private const int Large = 5_000;
    private const double MaxRatio = 25;

    private const string Domain = """
        <domain type='kvm'>
          <name>web</name>
          <uuid>5f2c1ad1-8c3e-4d1a-9f3b-2a1d6c0b7e10</uuid>
          <memory unit='KiB'>1048576</memory>
          <devices>
            <disk type='file' device='disk'>
              <source file='/srv/images/web.qcow2'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <interface type='network'>
              <mac address='52:54:00:6b:3c:58'/>
              <source network='lan' portgroup='prod'/>
            </interface>
            <graphics type='vnc' port='5901' autoport='no'/>
          </devices>
        </domain>
        """;

    private const string Network = "<network>\n  <name>lan</name>\n  <bridge name='virbr9'/>\n  <ip address='10.0.0.1' prefix='24'/>\n</network>\n";

    private static IReadOnlyList<LintInput> Inputs(int count) =>
        Enumerable.Range(0, count).Select(i => i % 10 == 0
            ? LintInput.FromBytes($"net{i:D6}.xml", Encoding.UTF8.GetBytes(Network))
            : LintInput.FromBytes($"vm{i:D6}.xml", Encoding.UTF8.GetBytes(Domain))).ToList();

    private static (TimeSpan Elapsed, long Allocated, int Findings) Measure(int count)
    {
        var inputs = Inputs(count);
        var linter = new Linter(BuiltInRules.Catalog, new LintOptions { MaxDegreeOfParallelism = 1 });
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        var findings = 0;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            findings = linter.Lint(inputs).Findings.Count(f => f.Rule.Target == "workspace");
            clock.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (clock.Elapsed < best) best = clock.Elapsed;
        }

        return (best, allocated, findings);
    }

    [Fact]
    public void Cost_grows_linearly_with_the_documents_of_a_run()
    {
        Measure(50);
        var small = Measure(Small);
        var large = Measure(Large);

        var timeRatio = large.Elapsed.TotalMilliseconds / Math.Max(small.Elapsed.TotalMilliseconds, 0.05);
        var allocationRatio = (double)large.Allocated / Math.Max(small.Allocated, 1);
        output.WriteLine($"{Small:N0} documents {small.Elapsed.TotalMilliseconds:F0} ms, {small.Allocated / 1048576.0:N1} MiB, {small.Findings} findings; "
            + $"{Large:N0} documents {large.Elapsed.TotalMilliseconds:F0} ms, {large.Allocated / 1048576.0:N1} MiB, {large.Findings} findings; "
            + $"time x{timeRatio:F1}, allocations x{allocationRatio:F1}");

        // Every domain after the first is flagged by each of its rules, so the findings themselves grow tenfold.
        Assert.True(large.Findings >= 9 * small.Findings, $"{small.Findings} then {large.Findings} findings: the worst case did not fire");
        Assert.True(allocationRatio < MaxRatio, $"allocations grew x{allocationRatio:F1} for x{Large / Small} documents");
        Assert.True(timeRatio < MaxRatio, $"time grew x{timeRatio:F1} for x{Large / Small} documents");
    }
}
