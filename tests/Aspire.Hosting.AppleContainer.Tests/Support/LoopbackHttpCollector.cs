using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// An HTTP listener on 127.0.0.1 only (as the dashboard's OTLP endpoint is), standing for an OTLP collector: it answers
/// every request 200 and keeps the first one's request line, headers and body.
/// </summary>
internal sealed class LoopbackHttpCollector : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    public LoopbackHttpCollector()
    {
        _listener.Start();
        _ = ServeAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The first request as received (request line, headers, blank line, body), once one came.</summary>
    public Task<string> FirstRequest => _first.Task;

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stopping.Token);
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"u8.ToArray(), _stopping.Token);
                _first.TrySetResult(request);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
    }

    private static async Task<string> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return Encoding.UTF8.GetString([.. received]);
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var headers = Encoding.ASCII.GetString([.. received.Take(headerEnd)]);
        var length = headers.Split("\r\n")
            .Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        return Encoding.UTF8.GetString([.. received]);
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
