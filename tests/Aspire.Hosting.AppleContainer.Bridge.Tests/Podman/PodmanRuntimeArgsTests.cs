using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>
/// Runtime arguments with no spec field reach real podman verbatim, as DCP passes a container's run args to
/// docker/podman (Apple's dialect refuses them: AppleSpecRulesTests, AppleEmulatorRuntimeTests).
/// </summary>
public sealed class PodmanRuntimeArgsTests(PodmanFixture fixture) : RuntimeContract<PodmanFixture>(fixture)
{
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Verbatim_hostname_and_label_flags_reach_the_container()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec(args: ["hostname"]) with { RuntimeArgs = ["--hostname", "engd-verbatim", "--label", "engd.verbatim=yes"] };
        var id = await scope.RunAsync(spec);
        await Runtime.WaitForExitAsync(id);
        var output = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            output.Add(line.Text);
        }

        var container = await Runtime.InspectContainerAsync(id);

        Assert.Contains("engd-verbatim", output);
        Assert.Equal("yes", container.Labels["engd.verbatim"]);
    }
}
