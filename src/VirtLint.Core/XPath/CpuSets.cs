using System.Globalization;

namespace VirtLint.Core.XPath;

/// <summary>libvirt cpusets: comma-separated CPU numbers and ranges, with '^N' excluding a CPU ("0-3,^2,8").</summary>
public static class CpuSets
{
    private const int MaxCpu = 16384;

    public static bool TryParse(string text, out HashSet<int> cpus)
    {
        cpus = [];
        var excluded = new HashSet<int>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0) return false;
            if (part[0] == '^')
            {
                if (!TryCpu(part[1..], out var cpu)) return false;
                excluded.Add(cpu);
                continue;
            }

            var dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!TryCpu(part, out var cpu)) return false;
                cpus.Add(cpu);
                continue;
            }

            if (!TryCpu(part[..dash], out var first) || !TryCpu(part[(dash + 1)..], out var last) || last < first) return false;
            for (var cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }

        cpus.ExceptWith(excluded);
        return true;
    }

    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < MaxCpu;
}
