using System.Text;
using VirtLint.Core;

namespace VirtLint.Cli.Tests.Support;

/// <summary>What one in-process run of <c>virtlint</c> produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>A temporary directory that acts as the current directory of in-process <c>virtlint</c> runs.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace() => Root = Directory.CreateTempSubdirectory("virtlint-cli-").FullName;

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Makes <paramref name="relativePath"/> the top of a git working tree, as far as finding one goes: a <c>.git</c> directory.</summary>
    public string InitGitRepository(string relativePath)
    {
        var top = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.Combine(top, ".git", "objects"));
        File.WriteAllText(Path.Combine(top, ".git", "HEAD"), "ref: refs/heads/main\n");
        return top;
    }

    public CliResult Run(params string[] args) => Run(args, stdin: "");

    public CliResult Run(
        string[] args, string stdin, bool terminal = false, IReadOnlyDictionary<string, string>? environment = null, RuleCatalog? catalog = null,
        string? currentDirectory = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext
        {
            Stdin = new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            Stdout = stdout,
            Stderr = stderr,
            CurrentDirectory = currentDirectory ?? Root,
            StdoutIsTerminal = terminal,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };
        var exitCode = VirtLintApp.Run(args, context, catalog ?? FakeRules.Catalog);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory must not fail the test that used it.
        }
    }
}
