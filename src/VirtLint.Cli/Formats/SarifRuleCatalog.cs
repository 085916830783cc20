using System.Text.Json;
using VirtLint.Cli.Formats.Sarif;
using VirtLint.Core;

namespace VirtLint.Cli.Formats;

/// <summary>
/// The rule catalogue as a SARIF 2.1.0 log without results: one run whose <c>tool.driver</c> describes every rule
/// exactly as <c>virtlint check --format sarif</c> does. It holds nothing about the machine that wrote it (no
/// <c>originalUriBaseIds</c>), so the published copy in <c>docs/</c> only changes when a rule does.
/// </summary>
public static class SarifRuleCatalog
{
    public static string Render(RuleCatalog catalog)
    {
        var run = new SarifRun(new SarifTool(SarifFormatter.Driver(catalog)), null, null, "utf16CodeUnits", []);
        var log = new SarifLog(SarifFormatter.SchemaUri, "2.1.0", [run]);
        return JsonSerializer.Serialize(log, SarifJsonContext.Readable.SarifLog) + "\n";
    }
}
