using Microsoft.Win32.SafeHandles;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// A container's CRI log file opened for reading from its start, read chunk by chunk as it grows. The handle stays
/// valid when the container is removed (the file is unlinked, not lost). Not thread-safe.
/// </summary>
internal sealed class OciLogFile : IDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[ChunkSize];
    private readonly CriLogParser _parser = new();
    private long _position;

    private OciLogFile(SafeFileHandle handle) => _handle = handle;

    /// <summary>The open file (for <see cref="OciLogFilePoller"/>).</summary>
    public SafeFileHandle Handle => _handle;

    /// <summary>How many bytes have been read.</summary>
    public long Position => _position;

    /// <summary>Opens <paramref name="path"/>, or returns null when it does not exist or cannot be read by this process.</summary>
    public static OciLogFile? TryOpen(string path)
    {
        try
        {
            return new OciLogFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the next chunk and adds its completed lines to <paramref name="lines"/>; false at the end of the file. A
    /// file truncated under the reader is read again from its start.
    /// </summary>
    public bool Read(List<ContainerLogLine> lines)
    {
        var read = RandomAccess.Read(_handle, _buffer, _position);
        if (read > 0)
        {
            _position += read;
            _parser.Append(_buffer.AsSpan(0, read), lines);
            return true;
        }

        if (RandomAccess.GetLength(_handle) < _position)
        {
            _position = 0;
            _parser.DiscardTornRecord();
            return true;
        }

        return false;
    }

    /// <summary>Ends the output: whatever is still held (a torn last record, an unfinished line) goes to <paramref name="lines"/>.</summary>
    public void Complete(List<ContainerLogLine> lines) => _parser.Complete(lines);

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
