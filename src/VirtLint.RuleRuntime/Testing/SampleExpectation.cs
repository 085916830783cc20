using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtLint.RuleRuntime.Testing;

/// <summary>
/// An expectation written in a sample as an XML comment: <c>&lt;!-- expect: VL1001 --&gt;</c>, optionally with a column
/// (<c>VL1001@27</c>) and the exact message after a colon. A comment alone on its line expects a finding on the next
/// line; a comment after content expects one on its own line. Rule ids are built-in (<c>VL1001</c>) or an
/// organisation's (<c>ORG0001</c>).
/// </summary>
public sealed record SampleExpectation(string RuleId, int Line, int? Column, string? Message)
{
    private static readonly Regex Comment = new(@"<!--\s*expect:\s*(?<id>[A-Z]+\d{4})(?:@(?<col>\d+))?(?:\s*:\s*(?<message>.*?))?\s*-->", RegexOptions.CultureInvariant);

    public static IReadOnlyList<SampleExpectation> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<SampleExpectation>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in Comment.Matches(lines[i]))
            {
                var alone = lines[i][..match.Index].Trim().Length == 0 && lines[i][(match.Index + match.Length)..].Trim().Length == 0;
                var line = alone ? NextContentLine(lines, i) : i + 1;
                int? column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : null;
                var message = match.Groups["message"].Success && match.Groups["message"].Value.Length > 0 ? match.Groups["message"].Value : null;
                result.Add(new SampleExpectation(match.Groups["id"].Value, line, column, message));
            }
        }

        return result;
    }

    /// <summary>The 1-based number of the next line that is not itself only an expectation comment.</summary>
    private static int NextContentLine(string[] lines, int index)
    {
        for (var j = index + 1; j < lines.Length; j++)
        {
            var trimmed = Comment.Replace(lines[j], "").Trim();
            if (trimmed.Length > 0) return j + 1;
        }

        return index + 2;
    }
}
