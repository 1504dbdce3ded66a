using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Published ports on 127.0.0.1, inspect of ports and addresses, the host address, detection.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class NetworkingContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>An HTTP request to the service's port published on 127.0.0.1 answers, and inspect reports the port.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task The_service_answers_http_on_its_published_loopback_port()
    {
        await using var scope = BeginTest();
        var hostPort = FreeLoopbackPort();
        var id = await scope.RunAsync(scope.ServiceSpec() with { Ports = [new PortMapping(8080, hostPort, "127.0.0.1")] });

        var body = await GetAsync(hostPort);
        var info = await Runtime.InspectContainerAsync(id);

        Assert.Equal("actr-test-service", body?.Trim());
        Assert.Contains(new PortMapping(8080, hostPort, "127.0.0.1"), info.Ports);
        Assert.Equal(ContainerState.Running, info.State);
        Assert.False(string.IsNullOrEmpty(info.IpAddress));
        Assert.DoesNotContain('/', info.IpAddress!);
    }

    /// <summary>Without a host port the runtime picks one (where it can), which inspect reports and which answers.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_runtime_chosen_host_port_is_reported_by_inspect()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec() with { Ports = [new PortMapping(8080, null, "127.0.0.1")] };
        if (Runtime.Capabilities.RequiresExplicitHostPort)
        {
            Assert.Equal(BridgeErrorCode.UnsupportedOption, (await ThrowsBridgeAsync(() => Runtime.CreateContainerAsync(spec))).Code);
            return;
        }

        var id = await scope.RunAsync(spec);
        var port = Assert.Single((await Runtime.InspectContainerAsync(id)).Ports, p => p.ContainerPort == 8080);

        Assert.NotNull(port.HostPort);
        Assert.Equal("actr-test-service", (await GetAsync(port.HostPort!.Value))?.Trim());
    }

    /// <summary>Detection reports an installed, running runtime with a version; the host address is a name.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Detect_reports_an_installed_running_runtime_and_a_host_address()
    {
        var info = await Runtime.DetectAsync();
        var hostAddress = await Runtime.GetHostAddressAsync();

        Assert.True(info.IsInstalled);
        Assert.True(info.IsRunning);
        Assert.Null(info.Problem);
        Assert.NotNull(info.Version);
        Assert.Equal(Runtime.Capabilities, info.Capabilities);
        Assert.False(string.IsNullOrWhiteSpace(hostAddress));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string?> GetAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string? body = null;
        await EventuallyAsync(
            async () =>
            {
                try
                {
                    body = await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"));
                    return true;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30));
        return body;
    }
}
