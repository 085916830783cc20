using System.Text.Json;
using NJsonSchema;
using VirtLint.Cli.Tests.Support;

namespace VirtLint.Cli.Tests.Formats;

/// <summary>
/// Related locations (cross-document findings), late findings on files streamed earlier, and run notes, in every
/// format, from findings built by hand (<see cref="RelatedLocationsHarness"/>).
/// </summary>
public sealed class RelatedLocationsTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Text_adds_a_see_also_line_per_related_location_without_a_frame_and_a_note_line_before_the_summary()
    {
        Assert.Equal("""
            vms/a.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.
              |
            5 |       <target dev='vda' bus='ide'/>
              |                         ^^^^^^^^^
              |
              see also vms/b.xml:3:10: The same image is used by domain 'db' here.

            vms/b.xml:3:10: note VL1003 Clock offset is 'localtime'.
              see also vms/a.xml:5:25: Domain 'web' is defined here.
              see also vms/a.xml:2:3: Its name: 'web'.

            note: VL1002: No network definitions were given, so interfaces were not checked against them.
            Checked 2 files: 1 warning, 1 note.
            Failed by 1 rule: VL1001 disk-bus-not-virtio (1).

            """, RelatedLocationsHarness.Run(_workspace, "text"));
    }

    [Fact]
    public void Concise_keeps_one_line_per_finding_and_prints_the_notes()
    {
        Assert.Equal("""
            vms/a.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.
            vms/b.xml:3:10: note VL1003 Clock offset is 'localtime'.
            note: VL1002: No network definitions were given, so interfaces were not checked against them.
            Checked 2 files: 1 warning, 1 note.
            Failed by 1 rule: VL1001 disk-bus-not-virtio (1).

            """, RelatedLocationsHarness.Run(_workspace, "concise"));
    }

    [Fact]
    public void GitHub_puts_related_locations_on_lines_of_the_annotation_message_and_merges_late_findings_by_severity()
    {
        Assert.Equal("""
            ::warning file=vms/a.xml,line=5,col=25,endLine=5,endColumn=34,title=VL1001 disk-bus-not-virtio::Disk 'vda' uses bus 'ide'; use 'virtio'.%0Asee also vms/b.xml:3:10: The same image is used by domain 'db' here.
            ::notice file=vms/b.xml,line=3,col=10,endLine=3,endColumn=28,title=VL1003 clock-offset-localtime::Clock offset is 'localtime'.%0Asee also vms/a.xml:5:25: Domain 'web' is defined here.%0Asee also vms/a.xml:2:3: Its name: 'web'.

            """, RelatedLocationsHarness.Run(_workspace, "github"));
    }

    [Fact]
    public void JUnit_lists_related_locations_in_the_details_and_merges_a_late_finding_into_its_file_suite()
    {
        Assert.Equal("""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="VirtLint" tests="2" failures="1" errors="0" skipped="0">
              <testsuite name="vms/a.xml" tests="1" failures="1" errors="0" skipped="0">
                <testcase classname="vms/a.xml" name="VL1001 disk-bus-not-virtio">
                  <failure type="warning" message="Disk 'vda' uses bus 'ide'; use 'virtio'.">vms/a.xml:5:25: warning VL1001 Disk 'vda' uses bus 'ide'; use 'virtio'.
              see also vms/b.xml:3:10: The same image is used by domain 'db' here.
            </failure>
                </testcase>
              </testsuite>
              <testsuite name="vms/b.xml" tests="1" failures="0" errors="0" skipped="0">
                <testcase classname="vms/b.xml" name="VL1003 clock-offset-localtime">
                  <system-out>vms/b.xml:3:10: note VL1003 Clock offset is 'localtime'.
              see also vms/a.xml:5:25: Domain 'web' is defined here.
              see also vms/a.xml:2:3: Its name: 'web'.
            </system-out>
                </testcase>
              </testsuite>
            </testsuites>

            """, RelatedLocationsHarness.Run(_workspace, "junit"));
    }

    [Fact]
    public void Json_carries_related_and_a_top_level_notes_array()
    {
        Assert.Equal("""
            {
              "findings": [
                {
                  "ruleId": "VL1001",
                  "name": "disk-bus-not-virtio",
                  "severity": "warning",
                  "message": "Disk 'vda' uses bus 'ide'; use 'virtio'.",
                  "path": "vms/a.xml",
                  "line": 5,
                  "column": 25,
                  "endLine": 5,
                  "endColumn": 34,
                  "related": [
                    {
                      "path": "vms/b.xml",
                      "line": 3,
                      "column": 10,
                      "endLine": 3,
                      "endColumn": 28,
                      "message": "The same image is used by domain 'db' here."
                    }
                  ]
                },
                {
                  "ruleId": "VL1003",
                  "name": "clock-offset-localtime",
                  "severity": "note",
                  "message": "Clock offset is 'localtime'.",
                  "path": "vms/b.xml",
                  "line": 3,
                  "column": 10,
                  "endLine": 3,
                  "endColumn": 28,
                  "related": [
                    {
                      "path": "vms/a.xml",
                      "line": 5,
                      "column": 25,
                      "endLine": 5,
                      "endColumn": 34,
                      "message": "Domain 'web' is defined here."
                    },
                    {
                      "path": "vms/a.xml",
                      "line": 2,
                      "column": 3,
                      "endLine": 2,
                      "endColumn": 18,
                      "message": "Its name: 'web'."
                    }
                  ]
                }
              ],
              "notes": [
                {
                  "ruleId": "VL1002",
                  "message": "No network definitions were given, so interfaces were not checked against them."
                }
              ],
              "summary": {
                "files": 2,
                "findings": 2,
                "errors": 0,
                "warnings": 1,
                "notes": 1,
                "suppressed": 0,
                "baselined": 0
              }
            }

            """, RelatedLocationsHarness.Run(_workspace, "json"));
    }

    [Fact]
    public void Rdjsonl_carries_related_locations()
    {
        Assert.Equal("""
            {"message":"Disk 'vda' uses bus 'ide'; use 'virtio'.","location":{"path":"vms/a.xml","range":{"start":{"line":5,"column":25},"end":{"line":5,"column":34}}},"severity":"WARNING","source":{"name":"VirtLint","url":"https://github.com/virtlint/virtlint"},"code":{"value":"VL1001","url":"https://github.com/virtlint/virtlint/blob/main/docs/rules/VL1001.md"},"related_locations":[{"message":"The same image is used by domain 'db' here.","location":{"path":"vms/b.xml","range":{"start":{"line":3,"column":10},"end":{"line":3,"column":28}}}}]}
            {"message":"Clock offset is 'localtime'.","location":{"path":"vms/b.xml","range":{"start":{"line":3,"column":10},"end":{"line":3,"column":28}}},"severity":"INFO","source":{"name":"VirtLint","url":"https://github.com/virtlint/virtlint"},"code":{"value":"VL1003","url":"https://github.com/virtlint/virtlint/blob/main/docs/rules/VL1003.md"},"related_locations":[{"message":"Domain 'web' is defined here.","location":{"path":"vms/a.xml","range":{"start":{"line":5,"column":25},"end":{"line":5,"column":34}}}},{"message":"Its name: 'web'.","location":{"path":"vms/a.xml","range":{"start":{"line":2,"column":3},"end":{"line":2,"column":18}}}}]}

            """, RelatedLocationsHarness.Run(_workspace, "rdjsonl"));
    }

    [Fact]
    public void Checkstyle_has_no_related_locations_and_lists_late_findings_in_a_file_element_of_their_own()
    {
        Assert.Equal("""
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="4.3">
              <file name="vms/a.xml">
                <error line="5" column="25" severity="warning" message="Disk 'vda' uses bus 'ide'; use 'virtio'." source="virtlint.VL1001.disk-bus-not-virtio" />
              </file>
              <file name="vms/b.xml" />
              <file name="vms/b.xml">
                <error line="3" column="10" severity="info" message="Clock offset is 'localtime'." source="virtlint.VL1003.clock-offset-localtime" />
              </file>
            </checkstyle>

            """, RelatedLocationsHarness.Run(_workspace, "checkstyle"));
    }

    [Fact]
    public void GitLab_has_no_related_locations()
    {
        using var json = JsonDocument.Parse(RelatedLocationsHarness.Run(_workspace, "gitlab"));
        var issues = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["vms/a.xml:5", "vms/b.xml:3"], issues.Select(i =>
            $"{i.GetProperty("location").GetProperty("path").GetString()}:{i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()}"));
        Assert.All(issues, i => Assert.Equal(["description", "check_name", "fingerprint", "severity", "location"], i.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(0)]
    public async Task Sarif_results_carry_related_locations_with_ids_and_messages_and_notes_become_notifications(int cap)
    {
        var text = RelatedLocationsHarness.Run(_workspace, "sarif", cap);

        Assert.Empty((await JsonSchema.FromFileAsync(RepositoryPaths.SarifSchema)).Validate(text));
        using var json = JsonDocument.Parse(text);
        var run = json.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(2, results.Length);

        // The streamed finding: its line hash from the file's text, one related location in the other file.
        var streamed = results[0];
        Assert.Equal("Disk 'vda' uses bus 'ide'; use 'virtio'.", streamed.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("915c3485f1c45974:1", streamed.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        var related = Assert.Single(streamed.GetProperty("relatedLocations").EnumerateArray());
        Assert.Equal(1, related.GetProperty("id").GetInt32());
        Assert.Equal("vms/b.xml", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal("The same image is used by domain 'db' here.", related.GetProperty("message").GetProperty("text").GetString());

        // The late finding: in report order after the streamed one, no line hash (its file's text is gone), two related locations.
        var late = results[1];
        Assert.Equal("VL1003", late.GetProperty("ruleId").GetString());
        Assert.False(late.TryGetProperty("partialFingerprints", out _));
        Assert.Equal(
            """
            [
              {
                "id": 1,
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "vms/a.xml",
                    "uriBaseId": "%SRCROOT%"
                  },
                  "region": {
                    "startLine": 5,
                    "startColumn": 25,
                    "endLine": 5,
                    "endColumn": 34
                  }
                },
                "message": {
                  "text": "Domain 'web' is defined here."
                }
              },
              {
                "id": 2,
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "vms/a.xml",
                    "uriBaseId": "%SRCROOT%"
                  },
                  "region": {
                    "startLine": 2,
                    "startColumn": 3,
                    "endLine": 2,
                    "endColumn": 18
                  }
                },
                "message": {
                  "text": "Its name: 'web'."
                }
              }
            ]
            """.ReplaceLineEndings("\n"),
            JsonSerializer.Serialize(late.GetProperty("relatedLocations"), new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var note = Assert.Single(run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("note", note.GetProperty("level").GetString());
        Assert.Equal("No network definitions were given, so interfaces were not checked against them.", note.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("VL1002", note.GetProperty("associatedRule").GetProperty("id").GetString());
        Assert.Equal(3, note.GetProperty("associatedRule").GetProperty("index").GetInt32());
        Assert.Equal("VL1002", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[3].GetProperty("id").GetString());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(0)]
    public void Sarif_describes_a_rule_at_the_level_of_its_late_findings_too(int cap)
    {
        using var json = JsonDocument.Parse(RelatedLocationsHarness.Run(_workspace, "sarif", cap, VirtLint.Core.Severity.Error));
        var run = json.RootElement.GetProperty("runs")[0];
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "VL1003");
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("error", run.GetProperty("results")[1].GetProperty("level").GetString());
    }
}
