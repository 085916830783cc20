// Regenerates the files derived from the rules (see DocsGenerator). From the repository root:
//
//   dotnet run --project src/VirtLint.DocGen               write what changed, delete pages of removed rules
//   dotnet run --project src/VirtLint.DocGen -- --check    write nothing; exit 1 and list the stale files
//
// --root DIR works on another checkout; by default the root is the nearest folder holding VirtLint.sln, starting
// from the current directory. Exit codes: 0 up to date (or updated), 1 stale (--check only), 2 usage or I/O error.

using VirtLint.DocGen;

const int UpToDate = 0, Stale = 1, Error = 2;

var check = false;
string? root = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--check":
            check = true;
            break;
        case "--root" when i + 1 < args.Length:
            root = Path.GetFullPath(args[++i]);
            break;
        case "-h" or "--help":
            Console.WriteLine($"Usage: {DocsGenerator.Command} [-- [--check] [--root DIR]]");
            return UpToDate;
        default:
            Console.Error.WriteLine($"docgen: error: unknown argument '{args[i]}'. Usage: {DocsGenerator.Command} [-- [--check] [--root DIR]]");
            return Error;
    }
}

root ??= FindRepositoryRoot(Directory.GetCurrentDirectory());
if (root is null)
{
    Console.Error.WriteLine("docgen: error: no VirtLint.sln in the current directory or above it; run from the repository or pass --root DIR.");
    return Error;
}

try
{
    var generated = DocsGenerator.Generate(VirtLint.Rules.BuiltInRules.Catalog, root);
    var stale = DocsGenerator.StaleFiles(generated, root);
    if (stale.Count == 0)
    {
        Console.WriteLine($"Generated docs are up to date ({generated.Count} files).");
        return UpToDate;
    }

    if (check)
    {
        Console.Error.WriteLine($"Generated docs are stale; run '{DocsGenerator.Command}' and commit the result:");
        foreach (var file in stale) Console.Error.WriteLine($"  {file}");
        return Stale;
    }

    DocsGenerator.Apply(generated, stale, root);
    foreach (var file in stale)
        Console.WriteLine(file.Reason == StaleReason.Obsolete ? $"deleted {file.Path}" : $"wrote {file.Path}");
    return UpToDate;
}
catch (DocsGeneratorException e)
{
    Console.Error.WriteLine($"docgen: error: {e.Message}");
    return Error;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"docgen: error: {e.Message}");
    return Error;
}

static string? FindRepositoryRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "VirtLint.sln"))) return directory.FullName;
    }

    return null;
}
