using System.Text;
using System.Xml.Linq;

namespace VirtLint.Cli.Tests.Fuzzing;

/// <summary>
/// Makes hostile variants of real libvirt documents: structural mutations on the tree (duplicated, shuffled and deeply
/// repeated elements, swapped attribute values, odd numbers and units, unusual characters), then byte-level ones
/// (bit flips, truncation, byte-order marks, re-encoding, declared encodings, CRLF and CR line ends). Input number
/// <c>i</c> of seed <c>s</c> is always the same bytes, so a failure can be replayed from the two numbers.
/// </summary>
internal sealed class CorpusMutator(IReadOnlyList<string> corpus)
{
    private static readonly string[] OddValues =
    [
        "", " ", "-1", "0", "-0", "1.5", "1e309", "NaN", "Infinity", "0x10", "010", "18446744073709551616",
        "99999999999999999999999", "4294967296", "1-3,^2,5-", "^0", "0-", "255.255.255.256", "::ffff:1.2.3.4", "fe80::1%eth0",
        "00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "/dev/../etc/passwd", "virtio\u202e", "caf\u00e9", "\U0001F600", "a'b\"c", "&amp;",
    ];

    private static readonly string[] OddUnits = ["b", "KiB", "k", "MB", "M", "GiB", "TiB", "EiB", "bogus", "", "KIB", "kb"];

    private static readonly string[] OddCharacters =
    [
        "\u00e9", "\U0001F600", "\u202e", "\u2066", "\u2028", "\u0085", "\u001b[31m", "\u0007", "\t", "\uFEFF", "\uFFFD", "\u00a0", "&#10;", "&#13;", "&#0;", "]]>", "<", "&",
    ];

    private static readonly string[] Declarations =
    [
        "<?xml version='1.0' encoding='UTF-8'?>\n", "<?xml version='1.0' encoding='ISO-8859-1'?>\n", "<?xml version='1.0' encoding='US-ASCII'?>\n",
        "<?xml version='1.0' encoding='windows-1252'?>\n", "<?xml version='1.0' encoding=''?>\n", "<?xml version='1.0' encoding='UTF-16'?>\n",
        "<?xml version='1.1'?>\n", "<?xml version='1.0' standalone='yes'?>\n",
    ];

    public byte[] Create(int seed, int index, out string description)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var source = corpus[random.Next(corpus.Count)];
        var steps = new List<string> { Path.GetFileName(source) };
        var text = File.ReadAllText(source);

        if (random.Next(4) != 0)
        {
            var document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
            for (var n = random.Next(1, 4); n > 0; n--) steps.Add(MutateTree(document, random));
            text = document.ToString(random.Next(2) == 0 ? SaveOptions.DisableFormatting : SaveOptions.None);
        }

        // Most inputs stay parseable, so that the rules, not only the parser, see the mutations.
        if (random.Next(2) == 0) text = MutateText(text, random, steps);
        var bytes = Encode(text, random, steps);
        if (random.Next(4) == 0) bytes = MutateBytes(bytes, random, steps);
        description = string.Join(" > ", steps);
        return bytes;
    }

    private static string MutateTree(XDocument document, Random random)
    {
        var elements = document.Root!.DescendantsAndSelf().ToList();
        var element = elements[random.Next(elements.Count)];
        switch (random.Next(7))
        {
            case 0 when element.Parent is not null:
                element.AddAfterSelf(new XElement(element));
                return $"duplicate <{element.Name.LocalName}>";
            case 1 when element.Parent is not null:
                // Many repeated elements: the duplicate and overlap rules must stay fast on them.
                for (var i = 0; i < 200; i++) element.AddAfterSelf(new XElement(element));
                return $"repeat <{element.Name.LocalName}> x200";
            case 2:
                var children = element.Elements().ToList();
                foreach (var child in children) child.Remove();
                foreach (var child in children.OrderBy(_ => random.Next())) element.Add(child);
                return $"shuffle children of <{element.Name.LocalName}>";
            case 3:
                // Namespace declarations are left alone: XLinq refuses to bind a prefix to an empty value.
                var attributes = document.Root.DescendantsAndSelf().Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                if (attributes.Count < 2) return "no attributes to swap";
                var (a, b) = (attributes[random.Next(attributes.Count)], attributes[random.Next(attributes.Count)]);
                (a.Value, b.Value) = (b.Value, a.Value);
                return $"swap @{a.Name.LocalName} and @{b.Name.LocalName}";
            case 4:
                var own = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                var attribute = own.ElementAtOrDefault(random.Next(Math.Max(1, own.Count)));
                var value = OddValues[random.Next(OddValues.Length)];
                if (attribute is not null) attribute.Value = value;
                else if (!element.HasElements) element.Value = value;
                return $"odd value '{value}' in <{element.Name.LocalName}>";
            case 5:
                var unit = OddUnits[random.Next(OddUnits.Length)];
                element.SetAttributeValue("unit", unit);
                return $"unit '{unit}' on <{element.Name.LocalName}>";
            default:
                if (element.Parent is not null) element.Remove();
                return $"remove <{element.Name.LocalName}>";
        }
    }

    private static string MutateText(string text, Random random, List<string> steps)
    {
        switch (random.Next(4))
        {
            case 0:
                var at = random.Next(text.Length + 1);
                var inserted = OddCharacters[random.Next(OddCharacters.Length)];
                steps.Add($"insert {Escape(inserted)} at {at}");
                return text.Insert(at, inserted);
            case 1:
                steps.Add("CRLF");
                return text.ReplaceLineEndings("\r\n");
            case 2:
                steps.Add("CR");
                return text.ReplaceLineEndings("\r");
            default:
                var declaration = Declarations[random.Next(Declarations.Length)];
                steps.Add($"declare {Escape(declaration.TrimEnd())}");
                return declaration + (text.StartsWith("<?xml", StringComparison.Ordinal) ? text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..] : text);
        }
    }

    private static byte[] Encode(string text, Random random, List<string> steps)
    {
        switch (random.Next(10))
        {
            case 0:
                steps.Add("UTF-8 BOM");
                return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
            case 1:
                steps.Add("UTF-16LE with BOM");
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case 2:
                steps.Add("UTF-16BE with BOM");
                return [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];
            case 3 when random.Next(3) == 0:
                steps.Add("Latin-1 bytes");
                return Encoding.Latin1.GetBytes(text);
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }

    private static byte[] MutateBytes(byte[] bytes, Random random, List<string> steps)
    {
        if (bytes.Length == 0) return bytes;
        if (random.Next(2) == 0)
        {
            var copy = (byte[])bytes.Clone();
            for (var n = random.Next(1, 9); n > 0; n--)
            {
                var at = random.Next(copy.Length);
                copy[at] ^= (byte)(1 << random.Next(8));
                steps.Add($"flip a bit at {at}");
            }

            return copy;
        }

        var length = random.Next(bytes.Length);
        steps.Add($"truncate to {length}");
        return bytes[..length];
    }

    private static string Escape(string s) => string.Concat(s.Select(c => char.IsControl(c) || c > 0x7E ? $"\\u{(int)c:x4}" : c.ToString()));
}
