using VirtLint.Cli.Output;

namespace VirtLint.Cli;

/// <summary>
/// The process surroundings a run depends on, passed in rather than read from <see cref="Console"/> and
/// <see cref="Environment"/>, so tests can run the whole command in-process and in parallel.
/// </summary>
public sealed record CliContext
{
    public required Stream Stdin { get; init; }

    public required TextWriter Stdout { get; init; }

    public required TextWriter Stderr { get; init; }

    /// <summary>Relative paths on the command line, and SARIF URIs, are resolved against this directory.</summary>
    public required string CurrentDirectory { get; init; }

    /// <summary>True when standard output is an interactive terminal, the only case where colour is used.</summary>
    public bool StdoutIsTerminal { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = _ => null;

    public static CliContext FromProcess() => new()
    {
        // Opened on first read: a closed standard input must not stop commands that never read it.
        Stdin = new StandardInputStream(),
        Stdout = StandardStreams.OpenStdout(),
        Stderr = StandardStreams.OpenStderr(),
        CurrentDirectory = Directory.GetCurrentDirectory(),
        StdoutIsTerminal = !Console.IsOutputRedirected,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };

    /// <summary>https://no-color.org: any non-empty value turns colour off.</summary>
    public bool NoColor => !string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));

    public string ResolvePath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>An error line on stderr. Paths and values in it are escaped: they may come from anyone's file names.</summary>
    public void Error(string message) => Stderr.WriteLine($"virtlint: error: {TerminalText.Escape(message)}");

    public void Warning(string message) => Stderr.WriteLine($"virtlint: warning: {TerminalText.Escape(message)}");
}
