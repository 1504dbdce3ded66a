using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>With podman and docker both installed and running (as the test command leaves them), auto's choice is in the AppHost's log.</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class RuntimeChoiceLogTests(PodmanTestRuntime podman) : IClassFixture<PodmanTestRuntime>
{
    [RuntimeFact(Timeout = 180_000)]
    public async Task Auto_runs_on_podman_before_docker_and_the_AppHost_logs_the_runtime_it_chose_and_why()
    {
        Assert.Null(DockerEngine.SkipReason); // docker installed too: the choice is between two running runtimes.
        var docker = new DockerTestRuntime();
        await docker.InitializeAsync();
        Assert.True((await (await docker.BridgeAsync()).DetectAsync()).IsRunning, "docker does not answer");
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            var auto = new Dictionary<string, string> { [RuntimeSelectionOptions.RuntimeVariable] = "auto" };
            foreach (var (key, value) in DockerEngine.CliEnvironment)
            {
                auto[key] = value ?? string.Empty;
            }

            await using var appHost = TestAppHostProcess.Start(podman, prefix, newProcessGroup: false, environment: auto);
            await appHost.WaitForRunningAsync(TimeSpan.FromSeconds(90));

            var choice = Assert.Single(appHost.Output, line => line.Contains("Container runtime: ", StringComparison.Ordinal));
            Assert.Contains("Container runtime: podman ", choice, StringComparison.Ordinal);
            Assert.Contains("chosen by ASPIRE_APPLECONTAINER_RUNTIME=auto: the first of podman, docker that is installed and running", choice, StringComparison.Ordinal);
            Assert.Equal(2, (await RuntimeTestApp.ListLabelledAsync(podman, prefix)).Count);
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(podman, prefix);
        }
    }
}
