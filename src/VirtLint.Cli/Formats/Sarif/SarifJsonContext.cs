using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VirtLint.Cli.Formats.Sarif;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(SarifTool))]
[JsonSerializable(typeof(SarifRunAutomationDetails))]
[JsonSerializable(typeof(Dictionary<string, SarifArtifactLocation>))]
[JsonSerializable(typeof(SarifResult))]
[JsonSerializable(typeof(SarifInvocation[]))]
internal sealed partial class SarifJsonContext : JsonSerializerContext
{
    /// <summary>As for the JSON report: keep quotes and non-ASCII text readable; SARIF files are not embedded in HTML.
    /// The other settings repeat the attribute's.</summary>
    public static SarifJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
