namespace VirtLint.Core;

/// <summary>
/// Where a domain rule applies: domain types, architectures and machine families; an empty list means any. Matched
/// once per document, before the rule's check runs.
/// </summary>
public sealed record RuleScope(IReadOnlyList<string> Hypervisors, IReadOnlyList<string> Architectures, IReadOnlyList<string> Machines)
{
    public static RuleScope Any { get; } = new([], [], []);

    public bool IsAny => Hypervisors.Count == 0 && Architectures.Count == 0 && Machines.Count == 0;

    public bool Matches(DomainProfile domain) =>
        Allows(Hypervisors, domain.Type) && Allows(Architectures, domain.Arch) && Allows(Machines, domain.MachineFamily);

    /// <summary>One sentence for the rule's documentation, with what a missing architecture or machine means.</summary>
    public string Describe()
    {
        if (IsAny) return "Every domain, whatever its type, architecture and machine.";
        var text = "Domains " + (Hypervisors.Count == 0 ? "of any type" : "of type " + Alternatives(Hypervisors));
        if (Architectures.Count > 0) text += " on architecture " + Alternatives(Architectures);
        if (Machines.Count > 0) text += (Architectures.Count > 0 ? " and" : "") + " with machine family " + Alternatives(Machines);
        text += ".";
        if (Architectures.Count > 0)
            text += $" A domain without `os/type/@arch` counts as `{DomainProfile.AssumedArch}`.";
        if (Machines.Count > 0)
            text += " A family includes its versioned and distribution machine types (`pc-q35-8.2`, `pc-i440fx-rhel7.6.0`);"
                + " a domain without `os/type/@machine` gets libvirt's default for its architecture (`pc` on x86).";
        return text;
    }

    /// <summary>A compact form for tables: <c>kvm, qemu, hvf; arch x86_64, i686; machines pc, q35</c>.</summary>
    public string Summary()
    {
        if (IsAny) return "any domain";
        var parts = new List<string> { Hypervisors.Count == 0 ? "any type" : string.Join(", ", Hypervisors) };
        if (Architectures.Count > 0) parts.Add("arch " + string.Join(", ", Architectures));
        if (Machines.Count > 0) parts.Add("machines " + string.Join(", ", Machines));
        return string.Join("; ", parts);
    }

    private static bool Allows(IReadOnlyList<string> allowed, string value)
    {
        if (allowed.Count == 0) return true;
        foreach (var item in allowed)
            if (string.Equals(item, value, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Alternatives(IReadOnlyList<string> values)
    {
        var quoted = values.Select(v => $"`{v}`").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
    }
}
