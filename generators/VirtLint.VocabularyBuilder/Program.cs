using System.Text;
using VirtLint.VocabularyBuilder;

// Reads libvirt's RelaxNG schemas and writes the flat vocabulary and the per-context model (see GeneratedFiles).
string schemas = GeneratedFiles.DefaultSchemas;
string output = GeneratedFiles.DefaultVocabulary;
string modelOutput = GeneratedFiles.DefaultModel;
string? libvirtVersion = null;
var check = false;

for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--schemas" when i + 1 < args.Length:
            schemas = args[++i];
            break;
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--model-output" when i + 1 < args.Length:
            modelOutput = args[++i];
            break;
        case "--libvirt-version" when i + 1 < args.Length:
            libvirtVersion = args[++i];
            break;
        case "--check":
            check = true;
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage());
            return 0;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.");
            Console.Error.WriteLine(Usage());
            return 2;
    }
}

if (!Directory.Exists(schemas))
{
    Console.Error.WriteLine($"No schema directory '{schemas}'. On Debian/Ubuntu: apt-get install libvirt-clients.");
    return 1;
}

var result = GeneratedFiles.Render(schemas, libvirtVersion ?? GeneratedFiles.DetectLibvirtVersion(), output, modelOutput);
foreach (var line in result.Summary)
    Console.Error.WriteLine(line);

var root = FindRepositoryRoot() ?? Directory.GetCurrentDirectory();
var outputs = new[] { (Path: Resolve(output), Text: result.Vocabulary), (Path: Resolve(modelOutput), Text: result.Model) };
if (check)
{
    var stale = outputs.Where(o => (File.Exists(o.Path) ? File.ReadAllText(o.Path).Replace("\r\n", "\n") : null) != o.Text).ToList();
    foreach (var (path, _) in stale)
        Console.Error.WriteLine($"{path} differs from what the schemas in {schemas} give; rerun without --check.");
    if (stale.Count == 0)
        Console.Error.WriteLine($"{string.Join(" and ", outputs.Select(o => o.Path))} are up to date.");
    return stale.Count == 0 ? 0 : 1;
}

foreach (var (path, content) in outputs)
{
    File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.Error.WriteLine($"Wrote {path}.");
}

return 0;

string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);

static string Usage() =>
    "Usage: dotnet run --project generators/VirtLint.VocabularyBuilder -- " +
    $"[--schemas {GeneratedFiles.DefaultSchemas}] [--output {GeneratedFiles.DefaultVocabulary}] [--model-output {GeneratedFiles.DefaultModel}] [--libvirt-version X.Y.Z] [--check]\n" +
    "  --output           the flat vocabulary the rule generator checks rule paths against\n" +
    "  --model-output     the per-context model compiled into the schema checks (VL0010-VL0012)\n" +
    "                     relative paths are taken from the repository root (the folder with VirtLint.sln)\n" +
    "  --libvirt-version  defaults to the upstream version of the installed libvirt-clients Debian package\n" +
    "  --check            compare with the existing outputs instead of writing them; exit 1 when one differs";

// The repository root above the current directory, else above the tool's own build output.
static string? FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VirtLint.sln")))
                return directory.FullName;
        }
    }

    return null;
}
