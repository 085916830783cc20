namespace VirtLint.Core.Decoding;

/// <summary>
/// A file's characters and how they were read from its bytes: the encoding that was detected or declared, and the
/// length of the byte-order mark that preceded the text (0 when there was none).
/// </summary>
public sealed record DecodedText(string Text, SourceEncoding Encoding, int PreambleLength);

/// <summary>Why a file's bytes are not text in the encoding it declares, at the offending character's line and column.</summary>
public sealed record DecodeError(int Line, int Column, string Message);

/// <summary>Either the decoded text or the error that stopped decoding.</summary>
public readonly record struct DecodeResult(DecodedText? Text, DecodeError? Error);
