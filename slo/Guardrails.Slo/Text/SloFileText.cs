using System;
using System.IO;
using System.Text;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Text;

/// <summary>
/// Reads an SLO file as text, or says precisely why it cannot: too large, binary, not UTF-8.
/// A UTF-8 byte-order mark is dropped; UTF-16 and UTF-32 files with a byte-order mark are decoded.
/// </summary>
internal static class SloFileText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TextOrFinding Read(string path, string displayPath, int maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
            {
                return TooLarge(displayPath, info.Length, maxBytes);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new TextOrFinding(null, new Finding(SloRules.UnreadableFile, SourceSpan.WholeFile(displayPath), $"Cannot read the file: {exception.Message}"));
        }

        return Decode(bytes, displayPath, maxBytes);
    }

    public static TextOrFinding Decode(byte[] bytes, string displayPath, int maxBytes)
    {
        if (bytes.Length > maxBytes)
        {
            return TooLarge(displayPath, bytes.Length, maxBytes);
        }

        var (encoding, preamble) = DetectEncoding(bytes);
        if (encoding is null && Array.IndexOf(bytes, (byte)0) is var zero and >= 0)
        {
            return Binary(displayPath, bytes, zero);
        }

        try
        {
            var text = (encoding ?? StrictUtf8).GetString(bytes, preamble, bytes.Length - preamble);
            return Check(text, displayPath, maxBytes);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = Math.Max(0, exception.Index) + preamble;
            var location = LocationOfByte(displayPath, bytes, offset);
            return new TextOrFinding(null, new Finding(
                SloRules.UnreadableFile,
                location,
                $"The file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at offset {offset}). Save it as UTF-8."));
        }
    }

    /// <summary>For text that is already decoded (tests, the CLI reading standard input).</summary>
    public static TextOrFinding Check(string text, string displayPath, int maxBytes)
    {
        if (text.Length > maxBytes)
        {
            return TooLarge(displayPath, text.Length, maxBytes);
        }

        text = WithoutByteOrderMarks(text);

        var zero = text.IndexOf('\0');
        if (zero >= 0)
        {
            var line = 1;
            var column = 1;
            for (var index = 0; index < zero; index++)
            {
                (line, column) = text[index] == '\n' ? (line + 1, 1) : (line, column + 1);
            }

            return new TextOrFinding(null, new Finding(
                SloRules.UnreadableFile,
                new SourceSpan(displayPath, line, column, line, column + 1),
                "The file contains a NUL character: it looks binary, not like a YAML SLO file. Check that the right file is listed."));
        }

        return new TextOrFinding(text, null);
    }

    /// <summary>
    /// Drops byte-order marks at the start of the text and of any line: files concatenated into one stream keep
    /// theirs, and YamlDotNet would read one into the first key of a document. Editors do not show them, so
    /// columns stay as the user sees them.
    /// </summary>
    private static string WithoutByteOrderMarks(string text)
    {
        if (text.IndexOf('\uFEFF') < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\uFEFF' && (index == 0 || text[index - 1] == '\n'))
            {
                continue;
            }

            result.Append(text[index]);
        }

        return result.ToString();
    }

    private static (Encoding? Encoding, int Preamble) DetectEncoding(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (StrictUtf8, 3);
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (null, 0);
    }

    private static TextOrFinding Binary(string displayPath, byte[] bytes, int offset) =>
        new(null, new Finding(
            SloRules.UnreadableFile,
            LocationOfByte(displayPath, bytes, offset),
            "The file contains a NUL byte: it looks binary, not like a YAML SLO file. Check that the right file is listed."));

    private static TextOrFinding TooLarge(string displayPath, long size, int maxBytes) =>
        new(null, new Finding(
            SloRules.FileTooLarge,
            SourceSpan.WholeFile(displayPath),
            $"The file has {size:N0} bytes, more than the {maxBytes:N0} an SLO file may have; it was not parsed. Split it, or check that the right file is listed."));

    private static SourceSpan LocationOfByte(string displayPath, byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var index = 0; index < offset && index < bytes.Length; index++)
        {
            if (bytes[index] == (byte)'\n')
            {
                line++;
                lineStart = index + 1;
            }
        }

        var column = offset - lineStart + 1;
        return new SourceSpan(displayPath, line, column, line, column + 1);
    }
}
