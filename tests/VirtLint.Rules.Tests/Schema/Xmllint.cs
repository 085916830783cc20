using System.Diagnostics;
using VirtLint.Core;

namespace VirtLint.Rules.Tests.Schema;

/// <summary>
/// libxml2's <c>xmllint</c> validating against libvirt's installed RelaxNG schemas (Debian: libxml2-utils and
/// libvirt-clients): the reference the schema checks are measured against. Tests skip loudly without it, and fail in
/// CI (<c>CI=true</c>), where <c>.ci/run</c> installs both.
/// </summary>
internal static class Xmllint
{
    /// <summary><c>VIRTLINT_LIBVIRT_SCHEMAS</c> when set, else where Debian installs libvirt's schemas.</summary>
    public static string SchemaDirectory =>
        Environment.GetEnvironmentVariable("VIRTLINT_LIBVIRT_SCHEMAS") is { Length: > 0 } fromEnvironment ? fromEnvironment : "/usr/share/libvirt/schemas";

    public static string SchemaFile(DocumentKind kind) => Path.Combine(SchemaDirectory, kind switch
    {
        DocumentKind.Domain => "domain.rng",
        DocumentKind.Pool => "storagepool.rng",
        DocumentKind.Volume => "storagevol.rng",
        _ => "network.rng",
    });

    /// <summary>Skips (locally) or fails (in CI) unless xmllint and the schemas are installed.</summary>
    public static void Require()
    {
        var missing = new List<string>();
        if (FindOnPath("xmllint") is null) missing.Add("'xmllint' is not on PATH (Debian: apt-get install libxml2-utils)");
        if (!File.Exists(SchemaFile(DocumentKind.Domain))) missing.Add($"libvirt's schemas are not in '{SchemaDirectory}' (Debian: apt-get install libvirt-clients, or set VIRTLINT_LIBVIRT_SCHEMAS)");
        if (missing.Count == 0) return;

        var message = "Schema-gate tests need xmllint and libvirt's RelaxNG schemas: " + string.Join("; ", missing) + ".";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        throw new SkipException(message);
    }

    /// <summary>Validates files of one kind in one xmllint run; the set of files it accepts.</summary>
    public static HashSet<string> Accepted(DocumentKind kind, IReadOnlyList<string> files)
    {
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        // Batches keep the command line short; xmllint reports every file as "PATH validates" or "PATH fails to validate".
        foreach (var batch in files.Chunk(200))
        {
            var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--noout", "--relaxng", SchemaFile(kind) }.Concat(batch)) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            output.Wait();
            process.WaitForExit();

            var verdicts = 0;
            foreach (var line in errors.Split('\n'))
            {
                if (line.EndsWith(" validates", StringComparison.Ordinal))
                {
                    accepted.Add(line[..^" validates".Length]);
                    verdicts++;
                }
                else if (line.EndsWith(" fails to validate", StringComparison.Ordinal))
                {
                    verdicts++;
                }
            }

            Assert.True(verdicts == batch.Length, $"xmllint gave {verdicts} verdicts for {batch.Length} files:\n{errors}");
        }

        return accepted;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
