using System.CommandLine;
using VirtLint.Core;

namespace VirtLint.Cli;

/// <summary><c>virtlint rules</c>: the catalogue as an aligned table, one rule per line, sorted by id.</summary>
internal sealed class RulesCommand
{
    private const string Gap = "  ";

    private readonly RuleCatalog _catalog;
    private readonly CliContext _context;

    public RulesCommand(RuleCatalog catalog, CliContext context)
    {
        _catalog = catalog;
        _context = context;
        Command = new Command("rules", "List every rule: id, name, default severity, category and title.");
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var rows = new List<string[]> { new[] { "ID", "NAME", "SEVERITY", "CATEGORY", "TITLE" } };
        rows.AddRange(_catalog.Rules
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new[] { r.Id, r.Name, r.DefaultSeverity.ToName(), r.Category, r.Title }));

        var widths = new int[rows[0].Length];
        foreach (var row in rows)
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);

        foreach (var row in rows)
        {
            // The last column is not padded, so lines carry no trailing spaces.
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            _context.Stdout.WriteLine(string.Join(Gap, cells));
        }

        return ExitCodes.Clean;
    }
}
