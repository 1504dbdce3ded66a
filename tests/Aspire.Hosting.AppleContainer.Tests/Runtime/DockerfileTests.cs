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
}
