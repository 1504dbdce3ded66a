using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// Containers reach each other as on DCP's container network: by resource name and by <c>WithContainerNetworkAlias</c>,
/// references resolve to <c>&lt;name&gt;.dev.internal</c> and the target port, UDP included, and the session network
/// is gone after shutdown. On Apple's runtime, which resolves neither names nor aliases (docs/apple-differences.md),
/// references keep the host route and no network is created.
/// </summary>
public abstract class ContainerNetworkTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string SocatImage = "localhost/actr-test/socat";
    private const string Alias = "engd-svc-alias";

    [RuntimeFact(Timeout = 180_000)]
    public async Task Containers_reach_each_other_by_resource_name_alias_and_reference_over_tcp_and_udp_and_the_session_network_is_removed_at_shutdown()
    {
        await using var test = RuntimeTestApp.Create(runtime);
        var svc = test.AddService("svc").WithHttpEndpoint(targetPort: 8080).WithContainerNetworkAlias(Alias);
        var udp = test.Builder.AddAppleContainer(test.Name("udp"), SocatImage, "1.7").WithContainerLabel(test.LabelKey, test.Prefix)
            .WithArgs("socat", "UDP-RECVFROM:9000,fork", "EXEC:cat")
            .WithEndpoint(targetPort: 9000, scheme: "udp", name: "udp", protocol: ProtocolType.Udp);
        var udpEndpoint = udp.GetEndpoint("udp");
        test.AddService("client").WithArgs("sleep", "300").WithEnvironment("SVC_URL", svc.GetEndpoint("http"));

        // The UDP client is socat's image; busybox's nc has no UDP.
        test.Builder.AddAppleContainer(test.Name("udpclient"), SocatImage, "1.7").WithContainerLabel(test.LabelKey, test.Prefix)
            .WithArgs("sleep", "300")
            .WithEnvironment("UDP_HOST", udpEndpoint.Property(EndpointProperty.Host))
            .WithEnvironment("UDP_PORT", udpEndpoint.Property(EndpointProperty.Port));
        await test.StartAsync();
        await test.WaitForStateAsync("svc", KnownResourceStates.Running);
        await test.WaitForStateAsync("udp", KnownResourceStates.Running);
        var client = await test.WaitForStateAsync("client", KnownResourceStates.Running);
        var udpClient = await test.WaitForStateAsync("udpclient", KnownResourceStates.Running);
        var session = test.App!.Services.GetRequiredService<AppHostSession>();
        var bridge = await test.BridgeAsync();
        var labels = new Dictionary<string, string> { [ContainerLabels.Managed] = "true", [ContainerLabels.Session] = session.Id };

        var byReference = await test.ExecAsync(client, "timeout 20 wget -q -O - \"$SVC_URL\"");
        var url = (await test.ExecAsync(client, "echo \"$SVC_URL\"")).Trim();
        Assert.Equal("actr-test-service", byReference.Trim());
        if (!bridge.Capabilities.SupportsNetworkAliases)
        {
            Assert.DoesNotContain(".dev.internal", url, StringComparison.Ordinal);
            Assert.Empty(await bridge.ListNetworksAsync(labels));
            return;
        }

        Assert.Equal($"http://{test.Name("svc")}.dev.internal:8080", url);
        var network = Assert.Single(await bridge.ListNetworksAsync(labels));
        Assert.StartsWith(SessionNetwork.SessionPrefix, network.Name, StringComparison.Ordinal);
        Assert.Equal("actr-test-service", (await test.ExecAsync(client, $"timeout 20 wget -q -O - http://{test.Name("svc")}:8080/")).Trim());
        Assert.Equal("actr-test-service", (await test.ExecAsync(client, $"timeout 20 wget -q -O - http://{Alias}:8080/")).Trim());
        Assert.Equal($"{test.Name("udp")}.dev.internal 9000", (await test.ExecAsync(udpClient, "echo \"$UDP_HOST $UDP_PORT\"")).Trim());
        Assert.Equal("ping-by-name", (await test.ExecAsync(udpClient, $"echo ping-by-name | socat -T 5 - UDP:{test.Name("udp")}:9000")).Trim());
        Assert.Equal("ping-by-reference", (await test.ExecAsync(udpClient, "echo ping-by-reference | socat -T 5 - UDP:$UDP_HOST:$UDP_PORT")).Trim());

        await test.StopAppAsync();

        Assert.Empty(await bridge.ListNetworksAsync(labels));
    }
}
