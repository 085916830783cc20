using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>Turns the PATH arguments of <c>virtlint check</c> into inputs, reading <c>-</c> from standard input.</summary>
internal static class InputCollector
{
    public const string StdinArgument = "-";

    /// <param name="stdinName">The display name of standard input: <c>--stdin-filename</c>, or <see cref="LintInput.StdinName"/>.</param>
    public static (List<LintInput> Inputs, List<InputError> Errors) Collect(IReadOnlyList<string> paths, CliContext context, string stdinName = LintInput.StdinName)
    {
        var (expanded, expandErrors) = PathExpander.Expand(paths.Where(p => p != StdinArgument), context.CurrentDirectory);
        var inputs = new List<LintInput>(expanded);
        var errors = new List<InputError>(expandErrors);

        // Standard input holds one document, however often '-' is given.
        if (paths.Contains(StdinArgument))
        {
            try
            {
                inputs.Add(LintInput.FromBytes(stdinName, ReadAll(context.Stdin)));
            }
            catch (IOException e)
            {
                errors.Add(new InputError(stdinName, e.Message));
            }

            inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        }

        return (inputs, errors);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
