using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>An image built from a Dockerfile when the AppHost starts, through the runtime's own builder.</summary>
public abstract class DockerfileTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 180_000)]
    public async Task A_Dockerfile_built_container_runs_the_built_image_with_the_build_output_in_its_log()
    {
        var context = Directory.CreateTempSubdirectory("engd-build-");
        string? image = null;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), "FROM localhost/actr-test/service:latest\nARG FLAVOUR\nENV BUILT_FLAVOUR=$FLAVOUR\n");
            await using var test = RuntimeTestApp.Create(runtime);
            test.Builder.AddAppleContainerFromDockerfile(test.Name("built"), context.FullName)
                .WithBuildArg("FLAVOUR", "engd-flavour")
                .WithHttpEndpoint(targetPort: 8080)
                .WithContainerLabel(RuntimeTestApp.TestLabel, test.Prefix);
            await test.StartAsync();

            var running = await test.WaitForStateAsync("built", KnownResourceStates.Running, TimeSpan.FromSeconds(150));
            image = (string)running.Snapshot.Properties.Single(p => p.Name == "container.image").Value!;
            using var client = new HttpClient();
            var environment = await client.GetStringAsync(new Uri(test.App!.GetEndpoint(test.Name("built"), "http"), "/cgi-bin/env"));
            var log = new List<LogLine>();
            await foreach (var batch in test.App!.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(test.Name("built")))
            {
                log.AddRange(batch);
            }

            Assert.Contains("BUILT_FLAVOUR=engd-flavour", environment, StringComparison.Ordinal);
            Assert.Contains(log, line => line.Content.Contains("FROM localhost/actr-test/service:latest", StringComparison.Ordinal));
        }
        finally
        {
            if (image is not null)
            {
                await (await runtime.BridgeAsync()).RemoveImageAsync(image, force: true);
            }

            context.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A <c>WithDockerfileFactory</c> Dockerfile is generated and built, with a file build secret and a secret parameter
    /// build secret that reach its <c>RUN --mount=type=secret</c> step (the image keeps only their hash); the parameter's
    /// value shows in no log line of the resource.
    /// </summary>
    [RuntimeFact(Timeout = 180_000)]
    public async Task A_generated_Dockerfile_is_built_with_file_and_parameter_build_secrets_that_reach_its_secret_mounts()
    {
        var context = Directory.CreateTempSubdirectory("engd-factory-");
        var fileSecret = $"file-{Guid.NewGuid():N}";
        var parameterSecret = $"param-{Guid.NewGuid():N}";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileSecret + parameterSecret)));
        var secretFile = Path.Combine(context.FullName, "..", $"{context.Name}.secret");
        string? image = null;
        try
        {
            await File.WriteAllTextAsync(secretFile, fileSecret);
            await using var test = RuntimeTestApp.Create(runtime);
            test.Builder.Configuration["Parameters:buildtoken"] = parameterSecret;
            var token = test.Builder.AddParameter("buildtoken", secret: true);
            var built = test.Builder.AddAppleContainer(test.Name("generated"), "placeholder")
                .WithDockerfileFactory(context.FullName, _ =>
                    "FROM localhost/actr-test/busybox:latest\n" +
                    // BuildKit leaves secrets out of a step's cache key: the run's own nonce keeps an earlier run's /out out.
                    $"RUN --mount=type=secret,id=fromfile --mount=type=secret,id=fromparam cat /run/secrets/fromfile /run/secrets/fromparam | sha256sum | cut -d' ' -f1 > /out; : {test.Prefix}\n")
                .WithBuildSecret("fromparam", token)
                .WithArgs("cat", "/out")
                .WithContainerLabel(RuntimeTestApp.TestLabel, test.Prefix);
            built.Resource.Annotations.OfType<DockerfileBuildAnnotation>().Single().BuildSecrets["fromfile"] = new FileInfo(secretFile);
            await test.StartAsync();

            var exited = await test.WaitForStateAsync("generated", KnownResourceStates.Exited, TimeSpan.FromSeconds(150));
            image = (string)exited.Snapshot.Properties.Single(p => p.Name == "container.image").Value!;
            // The container's output reaches the resource log through the runtime's log stream (on docker a `logs --follow`
            // CLI), which may deliver its last lines a moment after the exit was reported.
            var log = new List<LogLine>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            do
            {
                log.Clear();
                await foreach (var batch in test.App!.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(test.Name("generated")))
                {
                    log.AddRange(batch);
                }
            }
            while (!log.Any(line => line.Content.Contains(expected, StringComparison.Ordinal)) && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));

            Assert.Contains(log, line => line.Content.Contains(expected, StringComparison.Ordinal));
            Assert.Contains(log, line => line.Content.Contains("Wrote generated Dockerfile", StringComparison.Ordinal));
            Assert.DoesNotContain(log, line => line.Content.Contains(parameterSecret, StringComparison.Ordinal) || line.Content.Contains(fileSecret, StringComparison.Ordinal));
        }
        finally
        {
            if (image is not null)
            {
                await (await runtime.BridgeAsync()).RemoveImageAsync(image, force: true);
            }

            File.Delete(secretFile);
            context.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A persistent container's config hash covers its image's id: a rebuild of unchanged inputs (the same image, under
    /// the new tag Aspire gives a Dockerfile image every run) reuses the container, a rebuild that changes the image
    /// recreates it although nothing else of the container changed.
    /// </summary>
    [RuntimeFact(Timeout = 300_000)]
    public async Task A_persistent_Dockerfile_built_container_is_reused_while_its_image_is_unchanged_and_recreated_when_a_rebuild_changes_it()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        var context = Directory.CreateTempSubdirectory("engd-build-");
        var images = new List<string>();
        try
        {
            var first = await RunPersistentAsync(prefix, context, revision: "1", images);
            var unchanged = await RunPersistentAsync(prefix, context, revision: "1", images);
            var rebuilt = await RunPersistentAsync(prefix, context, revision: "2", images);

            // A container is the same one when its id and creation time are (Apple's ids are its names, kept on recreation).
            Assert.Equal(first, unchanged);
            Assert.NotEqual(unchanged, rebuilt);
            Assert.Equal(rebuilt.Id, Assert.Single(await RuntimeTestApp.ListLabelledAsync(runtime, prefix)).Id);
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
            var bridge = await runtime.BridgeAsync();
            foreach (var image in images.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    await bridge.RemoveImageAsync(image, force: true);
                }
                catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ImageNotFound)
                {
                }
            }

            context.Delete(recursive: true);
        }
    }

    /// <summary>Runs an AppHost whose persistent container is built from a Dockerfile labelled <paramref name="revision"/>; returns the container.</summary>
    private async Task<(string Id, DateTimeOffset? CreatedAt)> RunPersistentAsync(string prefix, DirectoryInfo context, string revision, List<string> images)
    {
        await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), $"FROM localhost/actr-test/service:latest\nLABEL engd.revision={revision}\n");
        await using var test = RuntimeTestApp.Create(runtime, prefix);
        test.RemoveContainersOnDispose = false; // the test removes them, after its assertions
        test.Builder.AddAppleContainerFromDockerfile(test.Name("built"), context.FullName)
            .WithArgs("sleep", "300")
            .WithLifetime(ContainerLifetime.Persistent)
            .WithContainerLabel(RuntimeTestApp.TestLabel, prefix);
        await test.StartAsync();
        var running = await test.WaitForStateAsync("built", KnownResourceStates.Running, TimeSpan.FromSeconds(150));
        images.Add((string)running.Snapshot.Properties.Single(p => p.Name == "container.image").Value!);
        var container = await (await runtime.BridgeAsync()).InspectContainerAsync(LabelledTestApp.ContainerId(running));
        await test.StopAppAsync();
        return (container.Id, container.CreatedAt);
    }
}
