namespace VirtLint.Core.Decoding;

/// <summary>The character encodings VirtLint reads, as libxml2 (libvirt's parser) does without an iconv converter.</summary>
public enum SourceEncoding
{
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Latin1,
    Ascii,
}

public static class SourceEncodings
{
    /// <summary>The encoding's IANA name, as it is written in an XML declaration.</summary>
    public static string ToName(this SourceEncoding encoding) => encoding switch
    {
        SourceEncoding.Utf16LittleEndian => "UTF-16LE",
        SourceEncoding.Utf16BigEndian => "UTF-16BE",
        SourceEncoding.Latin1 => "ISO-8859-1",
        SourceEncoding.Ascii => "US-ASCII",
        _ => "UTF-8",
    };
}
