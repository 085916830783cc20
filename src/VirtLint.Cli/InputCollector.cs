using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>Turns the PATH arguments of <c>virtlint check</c> into inputs, reading <c>-</c> from standard input.</summary>
internal static class InputCollector
{
    public const string StdinArgument = "-";

    public static (List<LintInput> Inputs, List<InputError> Errors) Collect(IReadOnlyList<string> paths, CliContext context)
    {
        var inputs = new List<LintInput>();
        var errors = new List<InputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stdinRead = false;

        foreach (var path in paths)
        {
            if (path == StdinArgument)
            {
                // Standard input holds one document; a second '-' would only see an exhausted stream.
                if (stdinRead) continue;
                stdinRead = true;
                try
                {
                    inputs.Add(LintInput.FromBytes(LintInput.StdinName, ReadAll(context.Stdin)));
                }
                catch (IOException e)
                {
                    errors.Add(new InputError(LintInput.StdinName, e.Message));
                }

                continue;
            }

            // PathExpander resolves against the process directory; expanding one path at a time under the
            // context's directory keeps display paths exactly as the user typed them.
            var located = Path.IsPathRooted(path) ? path : Path.Join(context.CurrentDirectory, path);
            var (expanded, expandErrors) = PathExpander.Expand([located]);
            foreach (var error in expandErrors)
                errors.Add(error with { Path = error.Path == located ? path : Display(path, located, error.Path) });
            foreach (var input in expanded)
            {
                if (seen.Add(Path.GetFullPath(input.FilePath!)))
                    inputs.Add(input with { DisplayPath = Display(path, located, input.FilePath!) });
            }
        }

        inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        return (inputs, errors);
    }

    private static string Display(string typed, string located, string found)
    {
        if (ReferenceEquals(typed, located) || !found.StartsWith(located, StringComparison.Ordinal))
            return PathExpander.Normalize(found);
        return PathExpander.Normalize(typed + found[located.Length..]);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
