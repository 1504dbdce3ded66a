using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Tasks.Fingerprints;

/// <summary>
/// A SHA-256 over length-prefixed fields, so that no two different inputs concatenate to the same byte stream
/// (<c>"ab" + "c"</c> never hashes like <c>"a" + "bc"</c>).
/// </summary>
internal sealed class FingerprintWriter : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[81920];

    /// <summary>Adds a string field.</summary>
    public void Add(string? value)
    {
        if (value is null)
        {
            AddInt64(-1);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        AddInt64(bytes.Length);
        _hash.AppendData(bytes);
    }

    /// <summary>Adds a number field.</summary>
    public void AddInt64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _hash.AppendData(bytes);
    }

    /// <summary>Adds a file's length and content.</summary>
    public void AddFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        AddInt64(stream.Length);
        int read;
        while ((read = stream.Read(_buffer, 0, _buffer.Length)) > 0)
        {
            _hash.AppendData(_buffer, 0, read);
        }
    }

    /// <summary>The hash so far, as lower-case hex.</summary>
    public string ToHex() => Convert.ToHexString(_hash.GetCurrentHash()).ToLowerInvariant();

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
