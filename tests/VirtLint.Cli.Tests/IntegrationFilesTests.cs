using System.Diagnostics;
using VirtLint.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace VirtLint.Cli.Tests;

/// <summary>The GitHub Action and the pre-commit hooks: their contract, and the action's lint step run for real.</summary>
public sealed class IntegrationFilesTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Action_has_the_documented_inputs_uploads_even_when_the_lint_fails_and_exits_with_virtlints_code()
    {
        var action = Load("action.yml");

        Assert.Equal(["paths", "config", "fail-on", "category", "upload", "version"], Keys(action["inputs"]));
        Assert.Equal("composite", Scalar(action["runs"], "using"));
        var steps = Steps();
        var lint = steps.Single(s => Scalar(s, "id") == "lint");
        Assert.Contains("-f sarif=virtlint.sarif -f github", Scalar(lint, "run"), StringComparison.Ordinal);
        var upload = steps.Single(s => Scalar(s, "uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.StartsWith("${{ always() && inputs.upload == 'true'", Scalar(upload, "if"), StringComparison.Ordinal);
        var last = steps[^1];
        Assert.Equal("${{ always() }}", Scalar(last, "if"));
        Assert.Equal("exit \"${VIRTLINT_EXIT_CODE:-2}\"", Scalar(last, "run"));
        Assert.Equal("${{ steps.lint.outputs.exit-code }}", Scalar((YamlMappingNode)last["env"], "VIRTLINT_EXIT_CODE"));
    }

    [SkippableTheory]
    [InlineData("vms\nnetworks\n", "warning", 1, "vms/web.xml,vms/desk.xml")]
    [InlineData("vms", "none", 0, "vms/web.xml,vms/desk.xml")]
    [InlineData("networks", "warning", 0, "")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Action_lint_step_records_the_exit_code_and_the_report_and_always_succeeds(string paths, string failOn, int exitCode, string files)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the action runs bash on Linux runners");
        _workspace.Write("vms/web.xml", Fixtures.IdeDisk);
        _workspace.Write("vms/desk.xml", Fixtures.VncAnyInterface);
        Directory.CreateDirectory(_workspace.PathOf("networks"));
        // The built virtlint, on PATH as the install step leaves it.
        _workspace.Write("bin/virtlint", $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "virtlint.dll")}' \"$@\"\n");
        File.SetUnixFileMode(_workspace.PathOf("bin/virtlint"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _workspace.Write("github-output", "");
        var lint = Steps().Single(s => Scalar(s, "id") == "lint");

        var start = new ProcessStartInfo("bash", ["-e", "-c", Scalar(lint, "run")!])
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = _workspace.PathOf("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_OUTPUT"] = _workspace.PathOf("github-output");
        start.Environment["VIRTLINT_PATHS"] = paths;
        start.Environment["VIRTLINT_CONFIG"] = "";
        start.Environment["VIRTLINT_FAIL_ON"] = failOn;
        start.Environment["VIRTLINT_CATEGORY"] = "libvirt";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal($"exit-code={exitCode}\nsarif-file=virtlint.sarif\n", _workspace.Read("github-output"));
        var sarif = _workspace.Read("virtlint.sarif");
        Assert.Contains("\"id\": \"libvirt/\"", sarif, StringComparison.Ordinal);
        foreach (var file in files.Split(',', StringSplitOptions.RemoveEmptyEntries))
            Assert.Contains($"\"uri\": \"{file}\"", sarif, StringComparison.Ordinal);
        Assert.Equal(files.Length > 0, (await stdout).StartsWith("::", StringComparison.Ordinal));
    }

    [Fact]
    public void Pre_commit_hooks_lint_staged_xml_with_the_built_or_the_installed_tool()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, ".pre-commit-hooks.yaml"))) stream.Load(reader);
        var hooks = ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().ToArray();

        Assert.Equal(
            ["virtlint dotnet virtlint check xml", "virtlint-system system virtlint check xml"],
            hooks.Select(h => $"{Scalar(h, "id")} {Scalar(h, "language")} {Scalar(h, "entry")} {string.Join(',', ((YamlSequenceNode)h["types"]).Children)}"));
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode[] Steps() =>
        ((YamlSequenceNode)((YamlMappingNode)Load("action.yml")["runs"])["steps"]).Children.Cast<YamlMappingNode>().ToArray();

    private static string[] Keys(YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToArray();

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
