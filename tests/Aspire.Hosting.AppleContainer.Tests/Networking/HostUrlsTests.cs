using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Networking;

/// <summary>
/// A host URL as a container reaches it. With a loopback host address (a runtime whose containers share the host's
/// network) the listener's port is reachable as is, so only the host changes; OtlpExporterTests shows the forwarded port.
/// </summary>
public class HostUrlsTests
{
    [Theory]
    [InlineData("http://localhost:18889", "http://127.0.0.2:18889")]
    [InlineData("http://127.0.0.1:18890/", "http://127.0.0.2:18890/")]
    [InlineData("https://[::1]:18891/v1", "https://127.0.0.2:18891/v1")]
    [InlineData("http://otel.example:4318", "http://otel.example:4318")]
    public async Task A_localhost_host_becomes_the_runtimes_host_address_and_other_hosts_stay(string url, string expected)
    {
        await using var gateway = new HostGateway(new HostAddressOnlyRuntime("127.0.0.2"), NullLogger<HostGateway>.Instance);

        Assert.Equal(expected, await HostUrls.ForContainerAsync(url, gateway, CancellationToken.None));
    }
}
