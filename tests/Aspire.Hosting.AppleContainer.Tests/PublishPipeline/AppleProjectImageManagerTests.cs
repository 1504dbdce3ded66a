using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

#pragma warning disable ASPIRECONTAINERRUNTIME001
#pragma warning disable ASPIREPIPELINES003

namespace Aspire.Hosting.AppleContainer.Tests.PublishPipeline;

public sealed class AppleProjectImageManagerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("actr-publish-model-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task On_Apple_a_project_is_built_by_Aspire_into_an_OCI_archive_that_the_bridge_loads_and_tags()
    {
        var (app, api) = PublishApp();
        using var _ = app;
        var runtime = new PublishingRuntime("apple") { LoadedReferences = ["localhost/api:latest"] };
        var inner = new RecordingImageManager(app.Services);
        var manager = Create(runtime, inner);
        var annotations = api.Annotations.ToList();

        await manager.BuildImageAsync(api, CancellationToken.None);

        var built = Assert.IsType<ArchiveBuildResource>(Assert.Single(inner.Built));
        Assert.Equal("api", built.Name);
        Assert.EndsWith(".tar.gz", built.ArchivePath, StringComparison.Ordinal);
        Assert.Equal((ContainerImageDestination.Archive, built.ArchivePath, ContainerImageFormat.Oci), inner.Options[0]);
        Assert.Equal([$"load {built.ArchivePath}", "tag localhost/api:latest api:latest"], runtime.Calls);
        Assert.False(Directory.Exists(Path.GetDirectoryName(built.ArchivePath)), "The temporary archive was left behind.");
        Assert.Equal(annotations, api.Annotations);
    }

    [Fact]
    public async Task On_Apple_a_loaded_image_that_already_has_the_local_name_is_not_tagged_again()
    {
        var (app, api) = PublishApp();
        using var _ = app;
        var runtime = new PublishingRuntime("apple") { LoadedReferences = ["api:latest"] };
        var inner = new RecordingImageManager(app.Services);

        await Create(runtime, inner).BuildImageAsync(api, CancellationToken.None);

        Assert.Single(runtime.Calls, c => c.StartsWith("load ", StringComparison.Ordinal));
        Assert.DoesNotContain(runtime.Calls, c => c.StartsWith("tag ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_podman_a_project_goes_to_Aspires_manager_unchanged()
    {
        var (app, api) = PublishApp();
        using var _ = app;
        var runtime = new PublishingRuntime("podman");
        var inner = new RecordingImageManager(app.Services);

        await Create(runtime, inner).BuildImageAsync(api, CancellationToken.None);

        Assert.Same(api, Assert.Single(inner.Built));
        Assert.Empty(runtime.Calls);
    }

    [Fact]
    public async Task On_Apple_a_Dockerfile_resource_goes_to_Aspires_manager_unchanged()
    {
        var (app, _) = PublishApp();
        using var __ = app;
        var web = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "web");
        var runtime = new PublishingRuntime("apple");
        var inner = new RecordingImageManager(app.Services);

        await Create(runtime, inner).BuildImagesAsync([web], CancellationToken.None);

        Assert.Same(web, Assert.Single(inner.Built));
        Assert.Empty(runtime.Calls);
    }

    private static AppleProjectImageManager Create(PublishingRuntime runtime, RecordingImageManager inner) =>
        new(inner, new FixedResolver(runtime), new CollectingLogger().CreateLogger<AppleProjectImageManager>());

    private (DistributedApplication App, IResource Api) PublishApp()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        var directory = _directory;
        var project = Path.Combine(directory.FullName, "api.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        File.WriteAllText(Path.Combine(directory.FullName, "Dockerfile"), "FROM scratch\n");
        builder.AddProject("api", project);
        builder.AddDockerfile("web", directory.FullName);
        var app = builder.Build();
        return (app, app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "api"));
    }

    /// <summary>Aspire's resolver answering with one bridge runtime.</summary>
    private sealed class FixedResolver(PublishingRuntime runtime) : IContainerRuntimeResolver
    {
        private readonly BridgePublishRuntime _publish = new(
            new ActiveRuntime(runtime, new Bridge.RuntimeInfo { Name = runtime.Name, IsRunning = true, Capabilities = runtime.Capabilities, ExecutablePath = "/bin/false" }),
            new ServiceCollection().BuildServiceProvider(),
            new CollectingLogger());

        public Task<IContainerRuntime> ResolveAsync(CancellationToken cancellationToken = default) => Task.FromResult<IContainerRuntime>(_publish);
    }

    /// <summary>Stands for Aspire's image manager: records what it is asked to build and, for an archive build, writes the archive.</summary>
    private sealed class RecordingImageManager(IServiceProvider services) : IResourceContainerImageManager
    {
        public List<IResource> Built { get; } = [];

        public List<(ContainerImageDestination?, string?, ContainerImageFormat?)> Options { get; } = [];

        public async Task BuildImageAsync(IResource resource, CancellationToken cancellationToken = default)
        {
            Built.Add(resource);
            if (resource is ArchiveBuildResource archive)
            {
                var context = new ContainerBuildOptionsCallbackContext(resource, services, NullLoggerFor(services), cancellationToken, services.GetRequiredService<DistributedApplicationExecutionContext>());
                foreach (var annotation in resource.Annotations.OfType<ContainerBuildOptionsCallbackAnnotation>())
                {
                    await annotation.Callback(context);
                }

                Options.Add((context.Destination, context.OutputPath, context.ImageFormat));
                await File.WriteAllTextAsync(archive.ArchivePath, "oci", cancellationToken);
            }
        }

        public async Task BuildImagesAsync(IEnumerable<IResource> resources, CancellationToken cancellationToken = default)
        {
            foreach (var resource in resources)
            {
                await BuildImageAsync(resource, cancellationToken);
            }
        }

        public Task PushImageAsync(IResource resource, CancellationToken cancellationToken) => Task.CompletedTask;

        private static ILogger NullLoggerFor(IServiceProvider services) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
