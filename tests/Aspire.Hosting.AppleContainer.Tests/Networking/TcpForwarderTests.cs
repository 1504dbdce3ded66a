using System.Net;
using System.Net.Sockets;
using System.Text;
using Aspire.Hosting.AppleContainer.Networking;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Networking;

public class TcpForwarderTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_forwarder_relays_both_directions_to_a_listener_bound_only_to_127_0_0_1()
    {
        var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        try
        {
            var echo = EchoOnceAsync(target);
            await using var forwarder = new TcpForwarder(((IPEndPoint)target.LocalEndpoint).Port, acceptedLocalAddress: null, NullLogger.Instance);

            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, forwarder.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("ping"));
            client.Client.Shutdown(SocketShutdown.Send);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var answer = await reader.ReadToEndAsync();

            Assert.Equal("echo:ping", answer);
            await echo;
        }
        finally
        {
            target.Stop();
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_forwarder_listens_on_its_own_port_not_on_the_target_port()
    {
        var target = new TcpListener(IPAddress.Loopback, 0);
        target.Start();
        try
        {
            var targetPort = ((IPEndPoint)target.LocalEndpoint).Port;
            await using var forwarder = new TcpForwarder(targetPort, IPAddress.Parse("10.88.0.1"), NullLogger.Instance);

            Assert.NotEqual(targetPort, forwarder.Port);
            Assert.Equal(targetPort, forwarder.TargetPort);
        }
        finally
        {
            target.Stop();
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_forwarder_listens_on_the_port_it_is_offered_and_on_another_when_that_one_is_taken()
    {
        var offered = HostPortPicker.Shared.Pick();

        await using var first = new TcpForwarder(targetPort: 1, acceptedLocalAddress: null, NullLogger.Instance, preferredPort: offered);
        await using var second = new TcpForwarder(targetPort: 1, acceptedLocalAddress: null, NullLogger.Instance, preferredPort: offered);

        Assert.Equal(offered, first.Port);
        Assert.NotEqual(offered, second.Port);
    }

    private static async Task EchoOnceAsync(TcpListener listener)
    {
        using var server = await listener.AcceptTcpClientAsync();
        var stream = server.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var request = await reader.ReadToEndAsync();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("echo:" + request));
        server.Client.Shutdown(SocketShutdown.Send);
    }
}
