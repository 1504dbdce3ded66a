namespace AppleCliEmulator.Runtime;

/// <summary>
/// Tails a podman k8s-file log (<c>&lt;RFC3339Nano&gt; stdout|stderr F|P &lt;content&gt;</c> per line) from an offset and
/// turns each complete record into a chunk of the stream it came from: the content, plus a newline for a full (<c>F</c>)
/// record. Bytes are never decoded, so nothing is lost or rewritten.
/// </summary>
internal sealed class CriLogReader(Stream log)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _pending = [];

    /// <summary>Reads what is available and hands every complete record to <paramref name="sink"/>; false when nothing was read.</summary>
    public bool Pump(Action<int, byte[]> sink)
    {
        var any = false;
        int read;
        while ((read = log.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            any = true;
            _pending.AddRange(_buffer.AsSpan(0, read));
            Drain(sink);
        }

        return any;
    }

    private void Drain(Action<int, byte[]> sink)
    {
        int newline;
        while ((newline = _pending.IndexOf((byte)'\n')) >= 0)
        {
            var line = _pending.GetRange(0, newline).ToArray();
            _pending.RemoveRange(0, newline + 1);
            if (Parse(line) is { } record)
            {
                sink(record.Stream, record.Chunk);
            }
        }
    }

    private static (int Stream, byte[] Chunk)? Parse(byte[] line)
    {
        var first = Array.IndexOf(line, (byte)' ');
        var second = first < 0 ? -1 : Array.IndexOf(line, (byte)' ', first + 1);
        var third = second < 0 ? -1 : Array.IndexOf(line, (byte)' ', second + 1);
        if (third < 0)
        {
            return null;
        }

        var stream = System.Text.Encoding.ASCII.GetString(line, first + 1, second - first - 1) == "stderr" ? 2 : 1;
        var full = line[second + 1] == (byte)'F';
        var content = line.AsSpan(third + 1);
        var chunk = new byte[content.Length + (full ? 1 : 0)];
        content.CopyTo(chunk);
        if (full)
        {
            chunk[^1] = (byte)'\n';
        }

        return (stream, chunk);
    }
}
