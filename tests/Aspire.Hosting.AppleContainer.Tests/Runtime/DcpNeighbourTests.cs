using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.AppleContainer.TestSupport;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// An AppHost where DCP still runs one container (a plain <c>AddContainer</c>, not taken over) next to one the
/// integration runs: each reaches the other through an endpoint reference, as two DCP containers would. DCP runs its
/// container on the same engine (<c>DcpPublisher:ContainerRuntime</c>), so this exists only on OCI runtimes.
/// </summary>
public abstract class DcpNeighbourTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 240_000)]
    public async Task A_container_DCP_runs_and_one_the_integration_runs_reach_each_other_through_their_endpoint_references()
    {
        await using var test = RuntimeTestApp.Create(runtime);
        test.Builder.Configuration["DcpPublisher:ContainerRuntime"] = runtime.Name;
        // Aspire 13.6's container tunnel (on by default) has DCP build its proxy image on a base image from
        // mcr.microsoft.com, which no machine without a registry can pull; without it DCP's containers reach host
        // resources by the runtime's host name, which is the allocation this integration gives them.
        test.Builder.Configuration["ASPIRE_ENABLE_CONTAINER_TUNNEL"] = "false";
        if (runtime.Name == "docker")
        {
            // docker on Linux gives containers no host.docker.internal unless asked (--add-host); DCP's answer there is
            // AppHost:ContainerHostname, which this integration honours as DCP does.
            test.Builder.Configuration["AppHost:ContainerHostname"] = await DockerBridgeGatewayAsync();
        }

        var ours = test.AddService("ours").WithHttpEndpoint(targetPort: 8080);
        var theirs = test.Builder.AddContainer(test.Name("dcp"), LabelledTestApp.ServiceImage, "latest")
            .WithHttpEndpoint(targetPort: 8080)
            .WithContainerRuntimeArgs("--label", $"{test.LabelKey}={test.Prefix}")
            .WithEnvironment("OURS_URL", ours.GetEndpoint("http"));
        ours.WithEnvironment("DCP_URL", theirs.GetEndpoint("http"));

        await test.StartAsync();
        var oursRunning = await test.WaitForStateAsync("ours", KnownResourceStates.Running);
        await test.WaitForStateAsync("dcp", KnownResourceStates.Running);
        var bridge = await test.BridgeAsync();
        var dcpContainer = Assert.Single(
            await test.ListContainersAsync(),
            c => !c.Labels.ContainsKey(ContainerLabels.Managed)); // DCP's container: labelled by the test, not managed by the integration

        var fromOurs = await test.ExecAsync(oursRunning, "timeout 20 wget -q -O - \"$DCP_URL\"");
        var fromDcps = await bridge.ExecAsync(dcpContainer.Id, new ExecSpec { Command = ["sh", "-c", "timeout 20 wget -q -O - \"$OURS_URL\""] });

        Assert.Equal("actr-test-service", fromOurs.Trim());
        Assert.True(fromDcps.ExitCode == 0, $"exit {fromDcps.ExitCode}: {fromDcps.StandardError}");
        Assert.Equal("actr-test-service", fromDcps.StandardOutput.Trim());
    }

    /// <summary>The gateway of docker's default bridge network, where its containers reach the host.</summary>
    private static async Task<string> DockerBridgeGatewayAsync()
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("ACTR_DOCKER_CLI") ?? "docker") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "network", "inspect", "bridge", "--format", "{{(index .IPAM.Config 0).Gateway}}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var gateway = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0 && gateway.Length > 0, $"docker network inspect bridge: exit {process.ExitCode}");
        return gateway;
    }
}
