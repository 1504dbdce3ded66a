using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

[Collection(RealRuntimeCollection.Name)]
public class MissingRuntimeTests
{
    [PodmanFact(Timeout = 120_000)]
    public async Task A_missing_runtime_fails_the_resource_with_a_coded_message_and_remedy_while_the_AppHost_stays_up()
    {
        await using var test = RuntimeTestApp.Create(new PodmanTestRuntime());
        test.Builder.Services.AddSingleton<IContainerRuntimeProvider>(new MissingCliProvider());
        test.AddService("orphan").WithHttpEndpoint(targetPort: 8080);
        await test.StartAsync();

        var failed = await test.WaitForStateAsync("orphan", KnownResourceStates.FailedToStart);

        var message = (string)failed.Snapshot.Properties.Single(p => p.Name == "applecontainer.error").Value!;
        Assert.StartsWith("ACTR1001:", message, StringComparison.Ordinal);
        Assert.Contains("ASPIRE_APPLECONTAINER_CLI", message, StringComparison.Ordinal); // the remedy
        Assert.Contains("/nonexistent/engd/podman", message, StringComparison.Ordinal);
        Assert.False(test.App!.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Empty(await test.ListContainersAsync());
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task The_runtime_and_its_CLI_are_selected_from_the_AppHost_configuration()
    {
        await using var test = RuntimeTestApp.Create(new PodmanTestRuntime());
        test.Builder.Configuration[RuntimeSelectionOptions.RuntimeVariable] = "podman";
        test.Builder.Configuration[RuntimeSelectionOptions.ExecutablePathVariable] = "/nonexistent/configured/podman";
        test.AddService("configured").WithHttpEndpoint(targetPort: 8080);
        await test.StartAsync();

        var failed = await test.WaitForStateAsync("configured", KnownResourceStates.FailedToStart);

        var message = (string)failed.Snapshot.Properties.Single(p => p.Name == "applecontainer.error").Value!;
        Assert.StartsWith("ACTR1001:", message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/configured/podman", message, StringComparison.Ordinal);
        Assert.Empty(await test.ListContainersAsync());
    }

    /// <summary>Selects podman at a path where no CLI exists, through the real selector.</summary>
    private sealed class MissingCliProvider : IContainerRuntimeProvider
    {
        public async Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken)
        {
            var runtime = await ContainerRuntimeSelector.SelectAsync(
                new RuntimeSelectionOptions { Runtime = "podman", ExecutablePath = "/nonexistent/engd/podman" }, cancellationToken);
            return new ActiveRuntime(runtime, await runtime.DetectAsync(cancellationToken));
        }
    }
}
