using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable ASPIRECONTAINERRUNTIME001
#pragma warning disable ASPIREPIPELINES003
#pragma warning disable ASPIRECOMPUTE003

namespace Aspire.Hosting.AppleContainer.Tests.PublishPipeline;

public class BridgePublishRuntimeTests
{
    [Fact]
    public async Task Build_hands_the_bridge_the_arguments_secrets_stage_and_platform_Aspire_resolved()
    {
        var (runtime, publish, _) = Create("apple");
        var secretFile = Path.GetTempFileName();
        try
        {
            await publish.BuildImageAsync(
                "/ctx",
                "/ctx/Dockerfile.web",
                new ContainerImageBuildOptions { ImageName = "web", Tag = "v1", TargetPlatform = ContainerTargetPlatform.LinuxAmd64 },
                new Dictionary<string, string?> { ["VERSION"] = "1.2", ["FROM_ENV"] = null },
                new Dictionary<string, BuildImageSecretValue>
                {
                    ["token"] = new("s3cret", BuildImageSecretType.Environment),
                    ["cert"] = new(secretFile, BuildImageSecretType.File),
                },
                "final",
                CancellationToken.None);
        }
        finally
        {
            File.Delete(secretFile);
        }

        var spec = Assert.Single(runtime.Builds);
        Assert.Equal("/ctx", spec.ContextDirectory);
        Assert.Equal("/ctx/Dockerfile.web", spec.Dockerfile);
        Assert.Equal(["web:v1"], spec.Tags);
        Assert.Equal(new Dictionary<string, string> { ["VERSION"] = "1.2" }, spec.BuildArgs);
        Assert.Equal(["FROM_ENV"], spec.BuildArgsFromEnvironment);
        Assert.Equal(new Dictionary<string, string> { ["token"] = "s3cret" }, spec.Secrets);
        Assert.Equal(new Dictionary<string, string> { ["cert"] = secretFile }, spec.SecretFiles);
        Assert.Equal("final", spec.Target);
        Assert.Equal("linux/amd64", spec.Platform);
        Assert.Equal(["build web:v1"], runtime.Calls);
    }

    [Fact]
    public async Task Build_with_an_output_path_saves_the_image_to_the_archive_Aspires_own_runtimes_write()
    {
        var (runtime, publish, _) = Create("apple");
        var output = Path.Combine(Path.GetTempPath(), "actr-publish-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await publish.BuildImageAsync(
                "/ctx", "/ctx/Dockerfile",
                new ContainerImageBuildOptions { ImageName = "team/web", Tag = "v1", OutputPath = output, ImageFormat = ContainerImageFormat.Oci, Destination = ContainerImageDestination.Archive },
                [], [], null, CancellationToken.None);

            Assert.True(Directory.Exists(output));
            Assert.Equal(["build team/web:v1", $"save team/web:v1 {Path.Combine(output, "team-web-v1.tar")}"], runtime.Calls);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task An_OCI_build_without_an_output_path_is_refused_as_Aspires_podman_runtime_refuses_it()
    {
        var (runtime, publish, _) = Create("podman");
        await Assert.ThrowsAsync<ArgumentException>(() => publish.BuildImageAsync(
            "/ctx", "/ctx/Dockerfile", new ContainerImageBuildOptions { ImageName = "web", ImageFormat = ContainerImageFormat.Oci }, [], [], null, CancellationToken.None));
        Assert.Empty(runtime.Calls);
    }

    [Fact]
    public async Task Push_tags_the_local_image_with_the_registrys_name_and_pushes_it_with_its_progress_in_the_log()
    {
        var (runtime, publish, log) = Create("apple");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        var registry = builder.AddContainerRegistry("registry", "127.0.0.1:5123", "team");
        var web = builder.AddContainer("web", "localhost/web", "dev").WithAnnotation(new ContainerRegistryReferenceAnnotation(registry.Resource));

        await publish.PushImageAsync(web.Resource, CancellationToken.None);

        Assert.Equal(["tag localhost/web:dev 127.0.0.1:5123/team/web:latest", "push 127.0.0.1:5123/team/web:latest"], runtime.Calls);
        Assert.Contains("Writing manifest to image destination", log.Text, StringComparison.Ordinal);
        Assert.Contains("push for 127.0.0.1:5123/team/web:latest succeeded", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_push_is_the_coded_diagnostic_quoting_the_runtime()
    {
        var (runtime, publish, _) = Create("podman");
        runtime.Fail("push", new BridgeException(BridgeErrorCode.RegistryUnreachable, "podman push failed: connection refused (127.0.0.1:5999)") { Runtime = "podman" });
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        var registry = builder.AddContainerRegistry("registry", "127.0.0.1:5999");
        var web = builder.AddContainer("web", "localhost/web", "dev").WithAnnotation(new ContainerRegistryReferenceAnnotation(registry.Resource));

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => publish.PushImageAsync(web.Resource, CancellationToken.None));

        Assert.Matches("^ACTR[0-9]{4}: ", failure.Message);
        Assert.Contains("connection refused (127.0.0.1:5999)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_hands_the_password_to_the_runtime_and_neither_the_log_nor_a_failure_shows_it()
    {
        const string Password = "pa55-w0rd-never-shown";
        var (runtime, publish, log) = Create("apple");
        await publish.LoginToRegistryAsync("127.0.0.1:5123", "ci", Password, CancellationToken.None);
        runtime.Fail("login", new BridgeException(BridgeErrorCode.RegistryAuthRefused, $"login refused for ci:{Password}") { Runtime = "apple" });
        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => publish.LoginToRegistryAsync("127.0.0.1:5123", "ci", Password, CancellationToken.None));

        Assert.Equal([Password, Password], runtime.Passwords);
        Assert.Equal(["login 127.0.0.1:5123 ci", "login 127.0.0.1:5123 ci"], runtime.Calls);
        Assert.DoesNotContain(Password, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
        Assert.Contains("login to 127.0.0.1:5123 succeeded", log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("up")]
    [InlineData("down")]
    [InlineData("ps")]
    public async Task Compose_on_Apples_runtime_fails_with_ACTR2007_saying_what_to_use_instead(string verb)
    {
        var (runtime, publish, _) = Create("apple");
        var context = new ComposeOperationContext { ProjectName = "app", WorkingDirectory = Path.GetTempPath() };

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => verb switch
        {
            "up" => publish.ComposeUpAsync(context, CancellationToken.None),
            "down" => publish.ComposeDownAsync(context, CancellationToken.None),
            _ => publish.ComposeListServicesAsync(context, CancellationToken.None),
        });

        Assert.StartsWith($"ACTR2007: Apple's container runtime has no compose, so 'compose {verb}' cannot run on it.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ASPIRE_CONTAINER_RUNTIME=docker", failure.Message, StringComparison.Ordinal);
        Assert.Empty(runtime.Calls);
    }

    [Fact]
    public async Task Compose_on_podman_is_Aspires_own_podman_runtimes()
    {
        var aspirePodman = new RecordingAspireRuntime("Podman");
        var (_, publish, _) = Create("podman", services => services.AddKeyedSingleton<Aspire.Hosting.Publishing.IContainerRuntime>("podman", aspirePodman));
        var context = new ComposeOperationContext { ProjectName = "app", WorkingDirectory = Path.GetTempPath() };

        await publish.ComposeUpAsync(context, CancellationToken.None);
        await publish.ComposeDownAsync(context, CancellationToken.None);

        Assert.Equal(["compose up app", "compose down app"], aspirePodman.Calls);
    }

    [Fact]
    public async Task Its_name_is_the_bridge_runtimes_and_it_runs_when_detection_says_so()
    {
        var (runtime, publish, _) = Create("apple");
        Assert.Equal("apple", publish.Name);
        Assert.True(await publish.CheckIfRunningAsync(CancellationToken.None));
        runtime.IsRunning = false;
        Assert.False(await publish.CheckIfRunningAsync(CancellationToken.None));
    }

    private static (PublishingRuntime Runtime, BridgePublishRuntime Publish, CollectingLogger Log) Create(string name, Action<IServiceCollection>? configure = null)
    {
        var runtime = new PublishingRuntime(name);
        var services = new ServiceCollection();
        configure?.Invoke(services);
        var log = new CollectingLogger();
        var active = new ActiveRuntime(runtime, new RuntimeInfo { Name = name, IsRunning = true, Capabilities = runtime.Capabilities, ExecutablePath = "/bin/false" });
        return (runtime, new BridgePublishRuntime(active, services.BuildServiceProvider(), log), log);
    }
}
