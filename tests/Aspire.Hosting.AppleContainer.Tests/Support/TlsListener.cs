using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>An HTTPS listener on 127.0.0.1 in the test process: every connection gets one HTTP/1.0 answer over TLS with <c>certificate</c>.</summary>
internal sealed class TlsListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TlsListener(X509Certificate2 certificate, string answer)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = AcceptAsync(certificate, Encoding.ASCII.GetBytes($"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n{answer}\n"));
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static TlsListener Start(X509Certificate2 certificate, string answer) => new(certificate, answer);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(X509Certificate2 certificate, byte[] response)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await using var tls = new SslStream(client.GetStream());
                        await tls.AuthenticateAsServerAsync(certificate);
                        var buffer = new byte[4096];
                        _ = await tls.ReadAsync(buffer);
                        await tls.WriteAsync(response);
                        await tls.ShutdownAsync(); // close_notify, so the client reads a clean end of the answer
                    }
                    catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or SocketException)
                    {
                        // A client that does not trust the certificate breaks off the handshake.
                    }
                }
            });
        }
    }
}
