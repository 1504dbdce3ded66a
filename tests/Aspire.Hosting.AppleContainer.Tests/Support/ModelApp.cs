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

    private ModelApp(DistributedApplication app, HostGateway gateway, AppHostSession session)
    {
        _app = app;
        _gateway = gateway;
        Session = session;
        Specs = new RunSpecFactory(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), session, new ContainerNetworkAllocator(gateway));
    }

    public AppHostSession Session { get; }

    /// <summary>The application's services (its notification, logger and eventing services, its model).</summary>
    public IServiceProvider Services => _app.Services;

    public RunSpecFactory Specs { get; }

    public static IDistributedApplicationBuilder CreateBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });

    /// <summary>
    /// Builds the app and prepares it with <paramref name="hostAddress"/> as the runtime's host address: the
    /// AppleContainer resources, or with <paramref name="allContainers"/> every container resource with an image.
    /// </summary>
    public static ModelApp Prepare(IDistributedApplicationBuilder builder, string hostAddress = "127.0.0.1", bool allContainers = false)
    {
        var app = builder.Build();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var runtime = new HostAddressOnlyRuntime(hostAddress);
        var gateway = new HostGateway(runtime, NullLogger<HostGateway>.Instance);
        var session = new AppHostSession(app.Services.GetRequiredService<IConfiguration>(), app.Services.GetRequiredService<IHostEnvironment>());
        foreach (var resource in model.Resources.OfType<ContainerResource>().Where(r => r is AppleContainerResource || (allContainers && ContainerTakeover.IsRunnableContainer(r))).ToList())
        {
            OrchestratorEventingSubscriber.TakeOverFromDcp(resource);
            Aspire.Hosting.AppleContainer.Networking.EndpointAllocator.AllocateLocalhost(resource, session.AppHostKey);
        }

        return new ModelApp(app, gateway, session);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _app.DisposeAsync();
    }
}
