using System.Text.Json;
using VirtLint.Cli.Catalog;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests;

public sealed class RulesCommandFormatTests : IDisposable
{
    private const string FullTable = """
        ID      NAME                           SEVERITY  CATEGORY     TITLE
        VL0001  xml-not-well-formed            error     document     File is not well-formed XML
        VL0002  not-a-libvirt-document         warning   document     File is not a libvirt document
        VL1001  disk-bus-not-virtio            warning   performance  Disk uses an emulated bus
        VL1002  vnc-listens-on-all-interfaces  error     security     VNC listens on every interface
        VL1003  clock-offset-localtime         note      correctness  Clock follows local time

        """;

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Table_is_the_default_format()
    {
        var explicitTable = _workspace.Run("rules", "--format", "table");
        var byDefault = _workspace.Run("rules");

        Assert.Equal(ExitCodes.Clean, explicitTable.ExitCode);
        Assert.Equal(FullTable, explicitTable.Stdout);
        Assert.Equal(FullTable, byDefault.Stdout);
        Assert.Equal("", explicitTable.Stderr);
    }

    [Fact]
    public void Json_lists_metadata_and_parameters_and_omits_a_missing_security_severity()
    {
        var result = _workspace.Run("rules", "--format", "json", "--tag", "graphics", "--tag", "disk");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Equal("""
            [
              {
                "id": "VL1001",
                "name": "disk-bus-not-virtio",
                "title": "Disk uses an emulated bus",
                "severity": "warning",
                "category": "performance",
                "tags": [
                  "disk",
                  "performance"
                ],
                "target": "domain",
                "precision": "very-high",
                "parameters": [
                  {
                    "name": "allowed-buses",
                    "type": "list",
                    "default": "virtio",
                    "description": "Buses that are not reported."
                  }
                ]
              },
              {
                "id": "VL1002",
                "name": "vnc-listens-on-all-interfaces",
                "title": "VNC listens on every interface",
                "severity": "error",
                "category": "security",
                "tags": [
                  "graphics",
                  "security"
                ],
                "target": "domain",
                "precision": "high",
                "securitySeverity": "7.5",
                "parameters": []
              }
            ]

            """, result.Stdout);
    }

    [Fact]
    public void Json_without_filters_lists_every_rule_in_id_order()
    {
        var result = _workspace.Run("rules", "-f", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            ["VL0001", "VL0002", "VL1001", "VL1002", "VL1003"],
            document.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Markdown_is_a_table_linking_each_id_to_its_docs_page()
    {
        var result = _workspace.Run("rules", "--format", "markdown");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("""
            | Id | Name | Severity | Category | Title |
            | --- | --- | --- | --- | --- |
            | [VL0001](docs/rules/VL0001.md) | `xml-not-well-formed` | error | document | File is not well-formed XML |
            | [VL0002](docs/rules/VL0002.md) | `not-a-libvirt-document` | warning | document | File is not a libvirt document |
            | [VL1001](docs/rules/VL1001.md) | `disk-bus-not-virtio` | warning | performance | Disk uses an emulated bus |
            | [VL1002](docs/rules/VL1002.md) | `vnc-listens-on-all-interfaces` | error | security | VNC listens on every interface |
            | [VL1003](docs/rules/VL1003.md) | `clock-offset-localtime` | note | correctness | Clock follows local time |

            """, result.Stdout);
    }

    [Fact]
    public void Markdown_renderer_takes_the_link_prefix_and_escapes_pipes()
    {
        var rule = FakeRules.LocalClock with { Title = "Clock | offset" };

        var markdown = RuleMarkdownRenderer.Render([rule], "");

        Assert.Equal("""
            | Id | Name | Severity | Category | Title |
            | --- | --- | --- | --- | --- |
            | [VL1003](VL1003.md) | `clock-offset-localtime` | note | correctness | Clock \| offset |

            """, markdown);
    }

    [Fact]
    public void Tag_filter_keeps_rules_with_that_tag()
    {
        var result = _workspace.Run("rules", "--tag", "xml");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("""
            ID      NAME                    SEVERITY  CATEGORY  TITLE
            VL0001  xml-not-well-formed     error     document  File is not well-formed XML
            VL0002  not-a-libvirt-document  warning   document  File is not a libvirt document

            """, result.Stdout);
    }

    [Fact]
    public void Repeated_category_filter_keeps_rules_in_any_of_them()
    {
        var result = _workspace.Run("rules", "--category", "security", "--category", "correctness", "--format", "markdown");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("""
            | Id | Name | Severity | Category | Title |
            | --- | --- | --- | --- | --- |
            | [VL1002](docs/rules/VL1002.md) | `vnc-listens-on-all-interfaces` | error | security | VNC listens on every interface |
            | [VL1003](docs/rules/VL1003.md) | `clock-offset-localtime` | note | correctness | Clock follows local time |

            """, result.Stdout);
    }

    [Fact]
    public void Tag_and_category_must_both_match()
    {
        var both = _workspace.Run("rules", "--tag", "security", "--category", "security");
        var neither = _workspace.Run("rules", "--tag", "disk", "--category", "security");

        Assert.Equal("""
            ID      NAME                           SEVERITY  CATEGORY  TITLE
            VL1002  vnc-listens-on-all-interfaces  error     security  VNC listens on every interface

            """, both.Stdout);
        Assert.Equal(ExitCodes.Clean, neither.ExitCode);
        Assert.Equal("", neither.Stdout);
    }

    [Theory]
    [InlineData("table", "")]
    [InlineData("markdown", "")]
    [InlineData("json", "[]\n")]
    public void A_tag_without_rules_prints_nothing_or_an_empty_array(string format, string expected)
    {
        var result = _workspace.Run("rules", "--tag", "no-such-tag", "--format", format);

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal(expected, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_known_category_without_rules_prints_nothing()
    {
        var result = _workspace.Run("rules", "--category", "migration");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("--category", "speed")]
    [InlineData("--category", "Security")]
    [InlineData("--format", "yaml")]
    [InlineData("--tag")]
    public void Usage_errors_exit_2_with_a_message_on_stderr(params string[] extra)
    {
        var result = _workspace.Run(["rules", .. extra]);

        Assert.Equal(ExitCodes.UsageOrInputError, result.ExitCode);
        Assert.StartsWith("virtlint: error: ", result.Stderr);
        Assert.Contains(extra[^1], result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
