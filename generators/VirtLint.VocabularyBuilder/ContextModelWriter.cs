using System.Globalization;
using System.Text;

namespace VirtLint.VocabularyBuilder;

/// <summary>
/// Writes the per-context model as plain lines, deterministic and sorted ordinally, so a schema update reads as a diff:
/// <code>
/// [domain]
/// context domain/devices/disk
///   switch @type
///   case file domain/devices/disk[@type='file']
///   @device = cdrom disk floppy lun
///   @serial
///   child driver domain/devices/disk/driver
///   text = …
/// </code>
/// <c>[kind]</c> starts a section and <c>context NAME</c> a context; its indented lines are the discriminating
/// attribute (<c>switch @NAME</c>) and its cases (<c>case VALUE CONTEXT</c>, and <c>absent CONTEXT</c> for an element
/// without the attribute), the attributes (<c>@NAME</c> when any
/// value is allowed, <c>@NAME = V…</c> when the values are closed, <c>@*</c> when any attribute is), the children
/// (<c>child NAME CONTEXT</c>, or <c>child *</c> when any child is allowed and none is checked) and the closed values
/// of the element's text (<c>text = V…</c>). Tokens never hold whitespace: a space, tab, line break or '%' in one is
/// written as %XX. '#' starts a comment line.
/// </summary>
public static class ContextModelWriter
{
    public static string Write(IEnumerable<KindContextModel> kinds, IEnumerable<string> headerLines)
    {
        var text = new StringBuilder();
        foreach (var line in headerLines)
            text.Append("# ").Append(line).Append('\n');

        foreach (var kind in kinds)
        {
            text.Append('\n').Append('[').Append(Escape(kind.Kind)).Append(']').Append('\n');
            foreach (var context in kind.Contexts)
            {
                text.Append("context ").Append(Escape(context.Name)).Append('\n');
                if (context.Switch is not null)
                {
                    text.Append("  switch @").Append(Escape(context.Switch)).Append('\n');
                    foreach (var (value, target) in context.Cases)
                        text.Append("  case ").Append(Escape(value)).Append(' ').Append(Escape(target)).Append('\n');
                    if (context.AbsentCase is not null)
                        text.Append("  absent ").Append(Escape(context.AbsentCase)).Append('\n');
                }

                foreach (var (name, values) in context.Attributes)
                {
                    text.Append("  @").Append(Escape(name));
                    AppendValues(text, values);
                    text.Append('\n');
                }

                if (context.AnyAttribute)
                    text.Append("  @*\n");
                foreach (var (name, target) in context.Children)
                    text.Append("  child ").Append(Escape(name)).Append(' ').Append(Escape(target)).Append('\n');
                if (context.AnyChild)
                    text.Append("  child *\n");
                if (context.Text is { IsOpen: false } textValues)
                {
                    text.Append("  text");
                    AppendValues(text, textValues);
                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static void AppendValues(StringBuilder text, ValueSet values)
    {
        if (values.IsOpen)
            return;
        text.Append(" =");
        foreach (var value in values.Values!)
            text.Append(' ').Append(Escape(value));
    }

    /// <summary>Percent-encodes whitespace, control characters and '%' so every token is one word.</summary>
    public static string Escape(string token)
    {
        if (token.All(c => c > ' ' && c != '%' && c != '\u007f'))
            return token;
        var text = new StringBuilder();
        foreach (var c in token)
        {
            if (c > ' ' && c != '%' && c != '\u007f')
                text.Append(c);
            else
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
