using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable ASPIRECONTAINERRUNTIME001
#pragma warning disable ASPIREPIPELINES003

namespace Aspire.Hosting.AppleContainer.Tests.PublishPipeline;

public class PublishRuntimeResolutionTests
{
    [Fact]
    public async Task Without_Aspires_runtime_setting_publishing_uses_the_bridge_runtime_and_says_why()
    {
        var (resolver, log) = Create(new Dictionary<string, string?> { ["ASPIRE_APPLECONTAINER_RUNTIME"] = "apple" });

        var runtime = await resolver.ResolveAsync();

        var bridge = Assert.IsType<BridgePublishRuntime>(runtime);
        Assert.Equal("apple", bridge.Name);
        Assert.Same(runtime, await resolver.ResolveAsync());
        Assert.Contains("through Aspire.Hosting.AppleContainer's runtime: apple", log.Text, StringComparison.Ordinal);
        Assert.Contains("ASPIRE_APPLECONTAINER_RUNTIME=apple", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASPIRE_CONTAINER_RUNTIME_wins_and_resolves_Aspires_own_runtime_of_that_name()
    {
        var (resolver, log) = Create(new Dictionary<string, string?> { ["ASPIRE_CONTAINER_RUNTIME"] = "podman", ["ASPIRE_APPLECONTAINER_RUNTIME"] = "apple" });

        var runtime = await resolver.ResolveAsync();

        Assert.Equal("Aspire podman", runtime.Name);
        Assert.Contains("Aspire's own container runtime 'podman'", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DcpPublisher_ContainerRuntime_wins_over_ASPIRE_CONTAINER_RUNTIME_as_in_Aspire()
    {
        var (resolver, _) = Create(new Dictionary<string, string?> { ["DcpPublisher:ContainerRuntime"] = "docker", ["ASPIRE_CONTAINER_RUNTIME"] = "podman" });

        Assert.Equal("Aspire docker", (await resolver.ResolveAsync()).Name);
    }

    [Fact]
    public async Task The_older_DOTNET_ASPIRE_CONTAINER_RUNTIME_is_honoured_too()
    {
        var (resolver, _) = Create(new Dictionary<string, string?> { ["DOTNET_ASPIRE_CONTAINER_RUNTIME"] = "docker" });

        Assert.Equal("Aspire docker", (await resolver.ResolveAsync()).Name);
    }

    [Theory]
    [InlineData("use")]
    [InlineData("add")]
    [InlineData("dockerfile")]
    public void Activating_the_integration_replaces_Aspires_resolver_and_decorates_its_image_manager(string how)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        _ = how switch
        {
            "use" => builder.UseAppleContainerRuntime(),
            "add" => builder.AddAppleContainer("web", "localhost/web").ApplicationBuilder,
            _ => builder.AddAppleContainerFromDockerfile("web", Path.GetTempPath()).ApplicationBuilder,
        };

        using var app = builder.Build();

        Assert.IsType<BridgeContainerRuntimeResolver>(app.Services.GetRequiredService<IContainerRuntimeResolver>());
        var manager = Assert.IsType<AppleProjectImageManager>(app.Services.GetRequiredService<IResourceContainerImageManager>());
        Assert.Equal("ResourceContainerImageManager", manager.Inner.GetType().Name);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IResourceContainerImageManager));
    }

    [Fact]
    public void Without_the_integration_Aspires_resolver_stays()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        using var app = builder.Build();

        Assert.Equal("ContainerRuntimeResolver", app.Services.GetRequiredService<IContainerRuntimeResolver>().GetType().Name);
    }

    private static (BridgeContainerRuntimeResolver Resolver, CollectingLogger Log) Create(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IContainerRuntime>("podman", new RecordingAspireRuntime("Aspire podman"));
        services.AddKeyedSingleton<IContainerRuntime>("docker", new RecordingAspireRuntime("Aspire docker"));
        var log = new CollectingLogger();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(log);
        var provider = services.BuildServiceProvider();
        IContainerRuntimeProvider runtimes = new PublishingRuntime("apple");
        return (new BridgeContainerRuntimeResolver(provider, configuration, runtimes, log), log);
    }
}
