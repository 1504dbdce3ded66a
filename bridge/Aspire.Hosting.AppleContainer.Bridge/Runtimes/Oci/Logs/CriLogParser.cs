using System.Buffers;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// Turns the bytes of a CRI log file (podman's <c>k8s-file</c> driver, written by conmon) into container lines. Each
/// record is <c>&lt;timestamp&gt; &lt;stdout|stderr&gt; &lt;tag&gt; &lt;text&gt;\n</c>; the tag <c>P</c> marks a part
/// of a longer line, continued by the stream's following records up to one tagged <c>F</c>. Bytes may arrive in any
/// chunks: a record torn at the end of a chunk waits for its newline. Parts are joined per stream and as bytes (a
/// character split between parts survives). As when the output is read from <c>podman logs</c> line by line, a
/// carriage return ends a line too (<c>a\rb</c> gives two lines, a trailing <c>\r</c> none). Not thread-safe.
/// </summary>
internal sealed class CriLogParser
{
    private readonly ArrayBufferWriter<byte> _torn = new();
    private readonly ArrayBufferWriter<byte> _partialOutput = new();
    private readonly ArrayBufferWriter<byte> _partialError = new();
    private long _partialOutputStarted;
    private long _partialErrorStarted;
    private long _records;

    /// <summary>Parses <paramref name="bytes"/>, appended to what came before, adding each completed line to <paramref name="lines"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes, List<ContainerLogLine> lines)
    {
        var newline = bytes.IndexOf((byte)'\n');
        if (_torn.WrittenCount > 0)
        {
            if (newline < 0)
            {
                _torn.Write(bytes);
                return;
            }

            _torn.Write(bytes[..newline]);
            ParseRecord(_torn.WrittenSpan, lines);
            _torn.ResetWrittenCount();
            bytes = bytes[(newline + 1)..];
            newline = bytes.IndexOf((byte)'\n');
        }

        while (newline >= 0)
        {
            ParseRecord(bytes[..newline], lines);
            bytes = bytes[(newline + 1)..];
            newline = bytes.IndexOf((byte)'\n');
        }

        _torn.Write(bytes);
    }

    /// <summary>
    /// Ends the stream: a last record without its newline, then the parts of a line that never got its final record
    /// (the container exited mid-line), are delivered as they are.
    /// </summary>
    public void Complete(List<ContainerLogLine> lines)
    {
        if (_torn.WrittenCount > 0)
        {
            ParseRecord(_torn.WrittenSpan, lines);
            _torn.ResetWrittenCount();
        }

        var outputFirst = _partialOutputStarted <= _partialErrorStarted;
        Flush(outputFirst ? LogStream.StandardOutput : LogStream.StandardError, lines);
        Flush(outputFirst ? LogStream.StandardError : LogStream.StandardOutput, lines);
    }

    /// <summary>Forgets a record torn at the end of what was read (the file was truncated under it).</summary>
    public void DiscardTornRecord() => _torn.ResetWrittenCount();

    private void ParseRecord(ReadOnlySpan<byte> record, List<ContainerLogLine> lines)
    {
        _records++;
        if (record.IsEmpty)
        {
            return;
        }

        if (!TrySplit(record, out var stream, out var partial, out var text))
        {
            Emit(LogStream.StandardOutput, record, lines); // Not CRI: keep the text rather than lose it.
            return;
        }

        var pending = Pending(stream);
        if (partial)
        {
            if (pending.WrittenCount == 0)
            {
                MarkStarted(stream);
            }

            pending.Write(text);
            return;
        }

        if (pending.WrittenCount == 0)
        {
            Emit(stream, text, lines);
            return;
        }

        pending.Write(text);
        Emit(stream, pending.WrittenSpan, lines);
        pending.ResetWrittenCount();
    }

    /// <summary>Splits <c>timestamp stream tag text</c>; the timestamp is not read (conmon's own clock, any form).</summary>
    private static bool TrySplit(ReadOnlySpan<byte> record, out LogStream stream, out bool partial, out ReadOnlySpan<byte> text)
    {
        (stream, partial) = (LogStream.StandardOutput, false);
        text = default;
        var space = record.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        var rest = record[(space + 1)..];
        space = rest.IndexOf((byte)' ');
        if (space < 0)
        {
            return false;
        }

        if (rest[..space].SequenceEqual("stdout"u8))
        {
            stream = LogStream.StandardOutput;
        }
        else if (rest[..space].SequenceEqual("stderr"u8))
        {
            stream = LogStream.StandardError;
        }
        else
        {
            return false;
        }

        rest = rest[(space + 1)..];
        space = rest.IndexOf((byte)' ');
        var tags = space < 0 ? rest : rest[..space];
        text = space < 0 ? default : rest[(space + 1)..];
        var colon = tags.IndexOf((byte)':'); // CRI tags are colon-separated; the first says partial or full.
        var first = colon < 0 ? tags : tags[..colon];
        partial = first.SequenceEqual("P"u8);
        return partial || first.SequenceEqual("F"u8);
    }

    private void Flush(LogStream stream, List<ContainerLogLine> lines)
    {
        var pending = Pending(stream);
        if (pending.WrittenCount > 0)
        {
            Emit(stream, pending.WrittenSpan, lines);
            pending.ResetWrittenCount();
        }
    }

    private static void Emit(LogStream stream, ReadOnlySpan<byte> bytes, List<ContainerLogLine> lines)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var carriageReturn = text.IndexOf('\r', StringComparison.Ordinal);
        if (carriageReturn < 0)
        {
            lines.Add(new ContainerLogLine(stream, text));
            return;
        }

        var start = 0;
        while (carriageReturn >= 0)
        {
            lines.Add(new ContainerLogLine(stream, text[start..carriageReturn]));
            start = carriageReturn + 1;
            carriageReturn = text.IndexOf('\r', start);
        }

        if (start < text.Length)
        {
            lines.Add(new ContainerLogLine(stream, text[start..]));
        }
    }

    private ArrayBufferWriter<byte> Pending(LogStream stream) =>
        stream == LogStream.StandardOutput ? _partialOutput : _partialError;

    private void MarkStarted(LogStream stream)
    {
        if (stream == LogStream.StandardOutput)
        {
            _partialOutputStarted = _records;
        }
        else
        {
            _partialErrorStarted = _records;
        }
    }
}
