using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable ASPIRECOMPUTE003 // AddContainerRegistry is experimental in Aspire 13.6.5.

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// <c>dotnet run -- --operation publish --step push</c> of a real AppHost (tests/TestAppHosts/…PublishAppHost: a
/// Dockerfile resource, a .NET project and a local-only image) against a real registry (Debian's docker-registry on a free 127.0.0.1 port,
/// <see cref="TestRegistry"/>): the registry's catalog lists the three images, and each, pulled back through the bridge and
/// run, answers. Everything a run creates carries its prefix (<c>engd-…</c>): the images (read back from the run's log),
/// the containers (labelled), the registry (its own storage, deleted with it).
/// </summary>
public abstract class PublishTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    /// <summary>The local base image of the .NET project's image (eng/build-test-images.sh), pushed to the test registry first.</summary>
    private const string DotnetRuntimeImage = "localhost/actr-test/dotnet-runtime:10.0";

    /// <summary>What the run adds to the AppHost's environment (the Apple runtime adds its call journal).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings(string workDirectory) => new Dictionary<string, string>();

    /// <summary>Checks a successful run's use of the runtime (the Apple runtime: its verbs in the emulator's journal).</summary>
    private protected virtual void AssertRuntimeVerbs(string workDirectory, PublishAppHostRun run)
    {
    }

    /// <summary>The runtime's own logout command (CLI and arguments), which undoes a test's login.</summary>
    protected abstract IReadOnlyList<string> LogoutCommand(string registry);

    /// <summary>
    /// No stock path of Aspire 13.6.5 calls <c>LoginToRegistryAsync</c> (only Azure's packages do), so the integration's
    /// runtime is called as they would call it: against a registry with htpasswd auth a wrong password is refused with a
    /// coded diagnostic, the right one logs in and a resource's image is then pushed, and no password shows in the log or
    /// the failure. The login is undone with the runtime's logout.
    /// </summary>
    [RuntimeFact(Timeout = 300_000)]
    public async Task The_runtime_logs_in_to_an_htpasswd_registry_and_pushes_to_it_without_the_password_in_any_log_or_failure()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        var password = $"pw-{Guid.NewGuid():N}";
        var wrongPassword = $"wrong-{Guid.NewGuid():N}";
        await using var registry = await TestRegistry.StartAsync("actr", password);
        var bridge = await runtime.BridgeAsync();
        var log = new CollectingLogger();
        var publish = new BridgePublishRuntime(new ActiveRuntime(bridge, await bridge.DetectAsync()), new ServiceCollection().BuildServiceProvider(), log);
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = ["--operation", "publish"], DisableDashboard = true });
        var target = builder.AddContainerRegistry("registry", registry.Address, prefix);
        var resource = builder.AddContainer($"{prefix}-login", "localhost/actr-test/busybox", "latest")
            .WithAnnotation(new ContainerRegistryReferenceAnnotation(target.Resource)).Resource;
        var remote = $"{registry.Address}/{prefix}/{prefix}-login:latest";
        try
        {
            var refused = await Assert.ThrowsAsync<DistributedApplicationException>(() => publish.LoginToRegistryAsync(registry.Address, "actr", wrongPassword, CancellationToken.None));
            Assert.StartsWith(DiagnosticIdOf(BridgeErrorCode.RegistryAuthRefused) + ":", refused.Message, StringComparison.Ordinal);

            await publish.LoginToRegistryAsync(registry.Address, "actr", password, CancellationToken.None);
            await publish.PushImageAsync(resource, CancellationToken.None);

            Assert.Contains($"{prefix}/{prefix}-login", await registry.GetCatalogAsync());
            Assert.DoesNotContain(password, log.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(wrongPassword, log.Text + refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            var logout = LogoutCommand(registry.Address);
            await ProcessRunner.Default.RunAsync(new ProcessRequest
            {
                FileName = logout[0],
                Arguments = [.. logout.Skip(1)],
                Environment = runtime.CliEnvironment,
                Timeout = TimeSpan.FromMinutes(1),
            });
            await CleanUpAsync(bridge, prefix, [remote]);
        }
    }

    [RuntimeFact(Timeout = 600_000)]
    public async Task Publish_push_puts_the_Dockerfile_project_and_local_images_in_the_registry_and_each_answers_when_pulled_back()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        var bridge = await runtime.BridgeAsync();
        await using var registry = await TestRegistry.StartAsync();
        var work = Directory.CreateTempSubdirectory("engd-publish-");
        var baseImage = $"{registry.Address}/{prefix}/dotnet-runtime:10.0";
        var images = new List<string> { baseImage };
        try
        {
            await bridge.TagImageAsync(DotnetRuntimeImage, baseImage);
            await bridge.PushImageAsync(baseImage);

            var run = await PublishAppHostRun.RunAsync(runtime, Settings(prefix, registry.Address, baseImage, work.FullName), TimeSpan.FromMinutes(8));
            images.AddRange(run.Images);
            // A failed step stops the AppHost with "Pipeline execution failed" but, under `dotnet run`, exit code 0.
            Assert.True(run.ExitCode == 0 && !run.Output.Contains("Pipeline execution failed", StringComparison.Ordinal), $"The publish run failed ({run.ExitCode}):\n{run.Output}");

            var catalog = await registry.GetCatalogAsync();
            Assert.Contains($"{prefix}/{prefix}-web", catalog);
            Assert.Contains($"{prefix}/{prefix}-api", catalog);
            Assert.Contains($"{prefix}/{prefix}-local", catalog);
            AssertRuntimeVerbs(work.FullName, run);

            foreach (var (name, answer) in new[] { ("web", "actr-publish-web"), ("api", "actr-publish-api"), ("local", "actr-test-service") })
            {
                var remote = $"{registry.Address}/{prefix}/{prefix}-{name}:latest";
                await bridge.RemoveImageAsync(remote, force: true);
                await bridge.PullImageAsync(remote);
                Assert.Equal(answer, await RunAndAskAsync(bridge, prefix, name, remote));
            }
        }
        finally
        {
            await CleanUpAsync(bridge, prefix, images);
            work.Delete(recursive: true);
        }
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task A_push_to_an_unreachable_registry_fails_with_a_coded_diagnostic_quoting_the_runtime()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        var bridge = await runtime.BridgeAsync();
        var work = Directory.CreateTempSubdirectory("engd-publish-");
        var unreachable = $"127.0.0.1:{TestRegistry.FreePort()}";
        var images = new List<string>();
        try
        {
            var settings = new Dictionary<string, string>(Settings(prefix, unreachable, $"{unreachable}/none/base:1", work.FullName)) { ["ACTR_PUBLISH_ONLY_DOCKERFILE"] = "true" };
            var run = await PublishAppHostRun.RunAsync(runtime, settings, TimeSpan.FromMinutes(4));
            images.AddRange(run.Images);

            Assert.Contains("Pipeline execution failed", run.Output, StringComparison.Ordinal);
            var diagnostic = run.Output.Split('\n').FirstOrDefault(line => line.Contains(DiagnosticIdOf(BridgeErrorCode.RegistryUnreachable), StringComparison.Ordinal));
            Assert.True(diagnostic is not null, $"No {DiagnosticIdOf(BridgeErrorCode.RegistryUnreachable)} in the output:\n{run.Output}");
            // The runtime's own message is quoted: podman's and Apple's name the registry they could not reach, docker's
            // daemon the address it could not connect to.
            Assert.Contains(unreachable, diagnostic, StringComparison.Ordinal);
            Assert.Contains("could not push", diagnostic, StringComparison.Ordinal);
        }
        finally
        {
            await CleanUpAsync(bridge, prefix, images);
            work.Delete(recursive: true);
        }
    }

    private Dictionary<string, string> Settings(string prefix, string registry, string baseImage, string work)
    {
        var settings = new Dictionary<string, string>
        {
            ["ACTR_PUBLISH_PREFIX"] = prefix,
            ["ACTR_PUBLISH_REGISTRY"] = registry,
            ["ACTR_PUBLISH_REPOSITORY"] = prefix,
            ["ACTR_PUBLISH_BASE_IMAGE"] = baseImage,
            // The .NET SDK pulls the base image itself, over HTTPS unless told the registry is insecure.
            ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry,
            // Aspire's `dotnet publish` of the project leaves no build servers behind.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };
        foreach (var (key, value) in ExtraSettings(work))
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string DiagnosticIdOf(string code)
    {
        var message = Bridge.Diagnostics.DiagnosticCatalog.ForCode(code).Message;
        return message[..message.IndexOf(':', StringComparison.Ordinal)];
    }

    /// <summary>Runs <paramref name="image"/> labelled with the prefix, port 8080 on a free loopback port, and returns what <c>/</c> answers.</summary>
    private static async Task<string> RunAndAskAsync(IContainerRuntime bridge, string prefix, string name, string image)
    {
        var port = TestRegistry.FreePort();
        await bridge.RunContainerAsync(new RunSpec
        {
            Name = $"{prefix}-{name}-pulled",
            Image = image,
            Ports = [new PortMapping(8080, port)],
            Labels = new Dictionary<string, string> { [RuntimeTestApp.TestLabel] = prefix },
        });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return (await client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"))).Trim();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private async Task CleanUpAsync(IContainerRuntime bridge, string prefix, IEnumerable<string> images)
    {
        await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        foreach (var image in images.Where(i => i.Contains(prefix, StringComparison.Ordinal)).Distinct().Reverse())
        {
            try
            {
                await bridge.RemoveImageAsync(image, force: true);
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ImageNotFound)
            {
                // Removed with another of its names, or never made.
            }
        }
    }
}
