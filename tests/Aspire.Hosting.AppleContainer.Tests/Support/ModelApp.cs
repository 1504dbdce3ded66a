using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A built (never started) run-mode application whose AppleContainer resources went through the same preparation
/// as at run time: taken over from DCP, endpoints allocated on localhost and on the container network.
/// </summary>
internal sealed class ModelApp : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly HostGateway _gateway;

    private ModelApp(DistributedApplication app, HostGateway gateway, AppHostSession session, HostAddressOnlyRuntime runtime, SessionNetwork? network)
    {
        _app = app;
        _gateway = gateway;
        Session = session;
        Runtime = runtime;
        Network = network;
        Specs = new RunSpecFactory(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), session, new ContainerNetworkAllocator(gateway, network));
    }

    public AppHostSession Session { get; }

    /// <summary>The runtime double (it records the networks created).</summary>
    public HostAddressOnlyRuntime Runtime { get; }

    /// <summary>The session network, when prepared with one.</summary>
    public SessionNetwork? Network { get; }

    /// <summary>The host gateway (its forwarders live until the app is disposed).</summary>
    public HostGateway Gateway => _gateway;

    /// <summary>The application's services (its notification, logger and eventing services, its model).</summary>
    public IServiceProvider Services => _app.Services;

    public RunSpecFactory Specs { get; }

    public static IDistributedApplicationBuilder CreateBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });

    /// <summary>
    /// Builds the app and prepares it with <paramref name="hostAddress"/> as the runtime's host address: the
    /// AppleContainer resources, or with <paramref name="allContainers"/> every container resource with an image. With
    /// <paramref name="sessionNetwork"/> they join a <see cref="SessionNetwork"/> on a runtime that has network aliases
    /// or not (<paramref name="networkAliases"/>).
    /// </summary>
    public static ModelApp Prepare(IDistributedApplicationBuilder builder, string hostAddress = "127.0.0.1", bool allContainers = false, bool sessionNetwork = false, bool networkAliases = true)
    {
        var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var runtime = new HostAddressOnlyRuntime(hostAddress, networkAliases);
        var gateway = new HostGateway(runtime, NullLogger<HostGateway>.Instance);
        var session = new AppHostSession(app.Services.GetRequiredService<IConfiguration>(), app.Services.GetRequiredService<IHostEnvironment>());
        var resources = model.Resources.OfType<ContainerResource>().Where(r => r is AppleContainerResource || (allContainers && ContainerTakeover.IsRunnableContainer(r))).ToList();
        foreach (var resource in resources)
        {
            OrchestratorEventingSubscriber.TakeOverFromDcp(resource);
            Aspire.Hosting.AppleContainer.Networking.EndpointAllocator.AllocateLocalhost(resource, session.AppHostKey);
        }

        var network = sessionNetwork ? new SessionNetwork(runtime, session, NullLogger<SessionNetwork>.Instance) : null;
        network?.SetMembers(resources);
        return new ModelApp(app, gateway, session, runtime, network);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _app.DisposeAsync();
    }
}
