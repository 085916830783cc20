using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary>Turns the PATH arguments of <c>virtlint check</c> into inputs, reading <c>-</c> from standard input.</summary>
internal static class InputCollector
{
    public const string StdinArgument = "-";

    /// <summary>
    /// Standard input is read up to one byte past <paramref name="maxBytes"/>, enough for the linter to report it as
    /// too large without holding more of an endless stream (<c>&lt;/dev/zero</c>) in memory.
    /// </summary>
    /// <param name="stdinName">The display name of standard input: <c>--stdin-filename</c>, or <see cref="LintInput.StdinName"/>.</param>
    public static (List<LintInput> Inputs, List<InputError> Errors) Collect(
        IReadOnlyList<string> paths, CliContext context, long maxBytes, string stdinName = LintInput.StdinName, PathExpander.IWalkFilter? filter = null)
    {
        var (expanded, expandErrors) = PathExpander.Expand(paths.Where(p => p != StdinArgument), context.CurrentDirectory, filter);
        var inputs = new List<LintInput>(expanded);
        var errors = new List<InputError>(expandErrors);

        // Standard input holds one document, however often '-' is given.
        if (paths.Contains(StdinArgument))
        {
            try
            {
                inputs.Add(LintInput.FromBytes(stdinName, ReadAtMost(context.Stdin, maxBytes + 1)));
            }
            catch (IOException e)
            {
                errors.Add(new InputError(stdinName, e.Message));
            }

            inputs.Sort((a, b) => string.CompareOrdinal(a.DisplayPath, b.DisplayPath));
        }

        return (inputs, errors);
    }

    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
