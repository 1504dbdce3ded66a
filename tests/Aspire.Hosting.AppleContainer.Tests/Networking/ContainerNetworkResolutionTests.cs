using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Networking;

/// <summary>References between containers resolve as on DCP's container network; references to the host keep the gateway.</summary>
public class ContainerNetworkResolutionTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_reference_to_another_container_resolves_to_its_dev_internal_alias_and_target_port_and_both_join_the_session_network()
    {
        var builder = ModelApp.CreateBuilder();
        var api = builder.AddAppleContainer("api", "localhost/actr-test/service").WithHttpEndpoint(targetPort: 8080, name: "http").WithContainerNetworkAlias("api-alias");
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service")
            .WithEnvironment("API_URL", api.GetEndpoint("http"))
            .WithEnvironment(context => context.EnvironmentVariables["API_HOSTPORT"] = ReferenceExpression.Create($"{api.GetEndpoint("http").Property(EndpointProperty.HostAndPort)}"));
        await using var app = ModelApp.Prepare(builder, hostAddress: "10.88.0.1", sessionNetwork: true);

        var webSpec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);
        var apiSpec = await app.Specs.CreateAsync(api.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("http://api.dev.internal:8080", webSpec.Environment["API_URL"]);
        Assert.Equal("api.dev.internal:8080", webSpec.Environment["API_HOSTPORT"]);
        var network = Assert.Single(app.Runtime.CreatedNetworks);
        Assert.Equal(SessionNetwork.SessionPrefix + app.Session.Id[..8], network.Name);
        Assert.Equal(ContainerLabels.SessionLifetime, network.Labels[ContainerLabels.Lifetime]);
        Assert.Equal(app.Session.Id, network.Labels[ContainerLabels.Session]);
        Assert.Equal(network.Name, webSpec.Network);
        Assert.Equal(network.Name, apiSpec.Network);
        Assert.Equal(["web", "web.dev.internal"], webSpec.NetworkAliases);
        Assert.Equal(["api", "api.dev.internal", "api-alias"], apiSpec.NetworkAliases);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_udp_endpoint_of_another_container_resolves_to_its_alias_and_target_port_too()
    {
        var builder = ModelApp.CreateBuilder();
        var dns = builder.AddAppleContainer("dns", "localhost/actr-test/service").WithEndpoint(targetPort: 53, name: "dns", scheme: "udp", protocol: ProtocolType.Udp);
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service")
            .WithEnvironment(context => context.EnvironmentVariables["DNS"] = ReferenceExpression.Create($"{dns.GetEndpoint("dns").Property(EndpointProperty.HostAndPort)}"));
        await using var app = ModelApp.Prepare(builder, hostAddress: "10.88.0.1", sessionNetwork: true);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("dns.dev.internal:53", spec.Environment["DNS"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_reference_to_a_host_resource_keeps_the_gateway_address_and_a_forwarded_port()
    {
        var builder = ModelApp.CreateBuilder();
        var project = builder.AddExecutable("project", "dotnet", ".").WithHttpEndpoint(port: 5123, targetPort: 5123, name: "http", isProxied: false);
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service").WithEnvironment("PROJECT_URL", project.GetEndpoint("http"));
        await using var app = ModelApp.Prepare(builder, hostAddress: "10.88.0.1", sessionNetwork: true);
        var endpoint = project.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(KnownNetworkIdentifiers.LocalhostNetwork,
            new AllocatedEndpoint(endpoint, "localhost", 5123, EndpointBindingMode.SingleAddress, "5123", KnownNetworkIdentifiers.LocalhostNetwork));

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        var url = new Uri(spec.Environment["PROJECT_URL"]);
        Assert.Equal("10.88.0.1", url.Host);
        Assert.NotEqual(5123, url.Port); // a forwarder to the project's 127.0.0.1 listener
        Assert.NotNull(spec.Network); // the container itself still joins the session network
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_network_aliases_no_network_is_created_and_references_between_containers_take_the_host_route()
    {
        var builder = ModelApp.CreateBuilder();
        var api = builder.AddAppleContainer("api", "localhost/actr-test/service").WithHttpEndpoint(targetPort: 8080, name: "http");
        var web = builder.AddAppleContainer("web", "localhost/actr-test/service").WithEnvironment("API_URL", api.GetEndpoint("http"));
        await using var app = ModelApp.Prepare(builder, hostAddress: "192.168.64.1", sessionNetwork: true, networkAliases: false);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("192.168.64.1", new Uri(spec.Environment["API_URL"]).Host);
        Assert.Null(spec.Network);
        Assert.Empty(spec.NetworkAliases);
        Assert.Empty(app.Runtime.CreatedNetworks);
    }

    [Fact(Timeout = 30_000)]
    public async Task With_a_persistent_container_the_network_is_the_AppHosts_persistent_one()
    {
        var builder = ModelApp.CreateBuilder();
        var db = builder.AddAppleContainer("db", "localhost/actr-test/service").WithLifetime(ContainerLifetime.Persistent);
        await using var app = ModelApp.Prepare(builder, sessionNetwork: true);

        var spec = await app.Specs.CreateAsync(db.Resource, NullLogger.Instance, CancellationToken.None);

        var network = Assert.Single(app.Runtime.CreatedNetworks);
        Assert.Equal(SessionNetwork.PersistentPrefix + app.Session.AppHostKey[..8], network.Name);
        Assert.Equal(ContainerLabels.PersistentLifetime, network.Labels[ContainerLabels.Lifetime]);
        Assert.Equal(network.Name, spec.Network);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_container_DCP_runs_gets_an_allocation_of_ours_on_DCPs_network_at_DCPs_host_name_and_a_forwarded_port()
    {
        var builder = ModelApp.CreateBuilder();
        var api = builder.AddAppleContainer("api", "localhost/actr-test/service")
            .WithHttpEndpoint(targetPort: 8080, name: "http")
            .WithEndpoint(targetPort: 53, name: "dns", scheme: "udp", protocol: ProtocolType.Udp);
        builder.AddContainer("emulator", "localhost/actr-test/service").WithEnvironment("API_URL", api.GetEndpoint("http"));
        await using var app = ModelApp.Prepare(builder, sessionNetwork: true);
        var model = (DistributedApplicationModel)app.Services.GetService(typeof(DistributedApplicationModel))!;

        await DcpContainerNetwork.AllocateAsync(api.Resource, "host.containers.internal", app.Gateway, CancellationToken.None);

        Assert.True(DcpContainerNetwork.HasDcpContainers(model));
        var http = await api.GetEndpoint("http").EndpointAnnotation.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.DefaultAspireContainerNetwork, CancellationToken.None);
        var local = await api.GetEndpoint("http").EndpointAnnotation.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.LocalhostNetwork, CancellationToken.None);
        Assert.Equal("host.containers.internal", http.Address);
        Assert.NotEqual(local.Port, http.Port);
        var dns = await api.GetEndpoint("dns").EndpointAnnotation.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.DefaultAspireContainerNetwork, CancellationToken.None);
        var dnsLocal = await api.GetEndpoint("dns").EndpointAnnotation.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.LocalhostNetwork, CancellationToken.None);
        Assert.Equal(dnsLocal.Port, dns.Port);
    }

    [Fact]
    public void Without_containers_left_to_DCP_there_is_nothing_to_allocate_on_its_network()
    {
        var builder = ModelApp.CreateBuilder();
        builder.AddAppleContainer("api", "localhost/actr-test/service");
        using var app = builder.Build();
        var model = (DistributedApplicationModel)app.Services.GetService(typeof(DistributedApplicationModel))!;
        foreach (var resource in model.Resources.OfType<ContainerResource>())
        {
            OrchestratorEventingSubscriber.TakeOverFromDcp(resource);
        }

        Assert.False(DcpContainerNetwork.HasDcpContainers(model));
    }

    [Theory]
    [InlineData("AppHost:ContainerHostname", "my.host", "my.host")]
    [InlineData("ASPIRE_CONTAINER_RUNTIME", "podman", "host.containers.internal")]
    [InlineData("ASPIRE_CONTAINER_RUNTIME", "docker", "host.docker.internal")]
    [InlineData("DcpPublisher:ContainerRuntime", "podman", "host.containers.internal")]
    public void DCPs_host_name_follows_its_configuration(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected, DcpContainerNetwork.GetHostName(configuration, _ => throw new InvalidOperationException("not asked")));
    }

    [Theory]
    [InlineData(true, true, "host.docker.internal")]
    [InlineData(false, true, "host.containers.internal")]
    [InlineData(true, false, "host.docker.internal")]
    public void Unconfigured_DCP_prefers_docker_and_falls_back_to_podman(bool docker, bool podman, string expected)
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.Equal(expected, DcpContainerNetwork.GetHostName(configuration, name => name == "docker" ? docker : podman));
    }
}
