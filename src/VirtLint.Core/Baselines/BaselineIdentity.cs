using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace VirtLint.Core.Baselines;

/// <summary>
/// What makes a finding the same finding across edits: the repository-relative file, the rule, the logical location
/// of the flagged node and a hash of its value. Never a line number, and never a count per file, so a fixed problem
/// swapped for a new one in the same file surfaces.
/// </summary>
public readonly record struct BaselineIdentity(string File, string RuleId, string Location, string ValueHash) : IComparable<BaselineIdentity>
{
    /// <param name="repositoryRelativePath">The file relative to the repository root ('/' or '\' separators).</param>
    /// <param name="node">The flagged node, or null for a finding about the file as a whole.</param>
    /// <param name="locator">The document's locator (one per document, see <see cref="LogicalLocator"/>).</param>
    public static BaselineIdentity For(string repositoryRelativePath, string ruleId, XObject? node, LogicalLocator locator) =>
        new(NormalizePath(repositoryRelativePath), ruleId, node is null ? "" : locator.Of(node), Baselines.ValueHash.Of(node));

    /// <summary>'/' separators, no leading "./": the same file is spelled the same way on every platform.</summary>
    public static string NormalizePath(string path)
    {
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        return normalized;
    }

    /// <summary>The identity as one opaque value: SARIF's <c>fingerprints["virtlint/v1"]</c> (32 hex digits of SHA-256).</summary>
    public string Fingerprint
    {
        get
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(Encoding.UTF8.GetBytes($"{File}\0{RuleId}\0{Location}\0{ValueHash}"), digest);
            return Convert.ToHexStringLower(digest[..16]);
        }
    }

    public int CompareTo(BaselineIdentity other)
    {
        var c = string.CompareOrdinal(File, other.File);
        if (c != 0) return c;
        c = string.CompareOrdinal(RuleId, other.RuleId);
        if (c != 0) return c;
        c = string.CompareOrdinal(Location, other.Location);
        return c != 0 ? c : string.CompareOrdinal(ValueHash, other.ValueHash);
    }
}
