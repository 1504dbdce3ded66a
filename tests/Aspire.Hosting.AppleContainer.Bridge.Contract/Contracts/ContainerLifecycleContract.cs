using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Create, start, stop, kill, remove, inspect and wait, against a real (or faithfully faked) runtime.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ContainerLifecycleContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>A created container is reported as created, with its name, image and labels.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Create_reports_a_created_container_with_its_name_image_and_labels()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec() with { Labels = scope.Labels(new Dictionary<string, string> { ["actr-contract.role"] = "web" }) };

        var id = await scope.CreateAsync(spec);
        var info = await Runtime.InspectContainerAsync(id);

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(spec.Name, info.Name);
        Assert.Equal(ContainerState.Created, info.State);
        Assert.Null(info.ExitCode);
        Assert.Null(info.FinishedAt);
        Assert.Equal("web", info.Labels["actr-contract.role"]);
        Assert.Equal(Fixture.SessionId, info.Labels[RuntimeFixture.SessionLabel]);
    }

    /// <summary>Run creates and starts in one step: the container runs under its name, with its labels.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Run_creates_and_starts_a_container_in_one_step()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec(args: ["sleep", "300"]) with { Labels = scope.Labels(new Dictionary<string, string> { ["actr-contract.role"] = "run" }) };
        scope.TrackContainer(spec.Name);

        var info = await Runtime.RunContainerAsync(spec);

        Assert.Equal(spec.Name, info.Name);
        Assert.Equal(ContainerState.Running, info.State);
        Assert.NotNull(info.StartedAt);
        Assert.Equal("run", info.Labels["actr-contract.role"]);
        Assert.Equal(info.Id, (await Runtime.InspectContainerAsync(info.Id)).Id);
    }

    /// <summary>Starting twice succeeds and leaves the container running.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Start_is_idempotent()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));

        var info = await Runtime.StartContainerAsync(id);

        Assert.Equal(ContainerState.Running, info.State);
        Assert.NotNull(info.StartedAt);
        Assert.Equal(ContainerState.Running, (await Runtime.InspectContainerAsync(id)).State);
    }

    /// <summary>Two creates with one name: the second fails with name_in_use.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Create_with_a_name_in_use_fails_with_name_in_use()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec();
        await scope.CreateAsync(spec);

        var error = await ThrowsBridgeAsync(() => Runtime.CreateContainerAsync(spec));

        Assert.Equal(BridgeErrorCode.NameInUse, error.Code);
    }

    /// <summary>Wait reports the container's exit code.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Wait_reports_exit_code_3_for_EXIT_CODE_3()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["EXIT_CODE"] = "3" }));

        var exit = await Runtime.WaitForExitAsync(id);
        var info = await Runtime.InspectContainerAsync(id);

        Assert.Equal(3, exit.ExitCode);
        Assert.Equal(ContainerState.Exited, info.State);
        if (Runtime.Capabilities.ReportsExitCodes)
        {
            Assert.Equal(3, info.ExitCode);
        }

        Assert.NotNull(info.FinishedAt);
    }

    /// <summary>Stop lets a container that handles SIGTERM exit by itself well within the grace period.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Stop_honours_SIGTERM_within_the_grace_period()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));
        await WaitForLogLineAsync(id, "ACTR-SERVICE-STARTED");

        var watch = Stopwatch.StartNew();
        await Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(20));
        watch.Stop();

        var info = await Runtime.InspectContainerAsync(id);
        Assert.Equal(ContainerState.Exited, info.State);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stop took {watch.Elapsed}, so SIGTERM was not honoured");
        if (Runtime.Capabilities.ReportsExitCodes)
        {
            Assert.Equal(0, info.ExitCode);
        }

        Assert.Contains(await ReadLogAsync(id), line => line.Text == "ACTR-SERVICE-SIGTERM");
    }

    /// <summary>Stop kills a container that ignores SIGTERM once the grace period has passed.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Stop_kills_a_container_that_ignores_SIGTERM_after_the_grace_period()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["IGNORE_SIGTERM"] = "1" }, ["sleep", "300"]));
        await WaitForLogLineAsync(id, "ACTR-SERVICE-STARTED");
        var grace = TimeSpan.FromSeconds(3);

        var watch = Stopwatch.StartNew();
        await Runtime.StopContainerAsync(id, grace);
        watch.Stop();

        var info = await Runtime.InspectContainerAsync(id);
        Assert.Equal(ContainerState.Exited, info.State);
        Assert.True(watch.Elapsed >= grace - TimeSpan.FromMilliseconds(250), $"stop took {watch.Elapsed}, shorter than the grace period");
        Assert.True(watch.Elapsed < grace + TimeSpan.FromSeconds(15), $"stop took {watch.Elapsed}, far longer than the grace period");
        Assert.Contains(await ReadLogAsync(id), line => line.Text == "ACTR-SERVICE-IGNORING-SIGTERM");
    }

    /// <summary>Stopping a container that is not running succeeds.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Stop_of_a_stopped_container_succeeds()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["EXIT_CODE"] = "0" }));
        await Runtime.WaitForExitAsync(id);

        await Runtime.StopContainerAsync(id, TimeSpan.FromSeconds(2));
        var created = await scope.CreateAsync(scope.ServiceSpec());
        await Runtime.StopContainerAsync(created, TimeSpan.FromSeconds(2));

        Assert.Equal(ContainerState.Exited, (await Runtime.InspectContainerAsync(id)).State);
    }

    /// <summary>Kill ends a running container at once.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Kill_ends_a_running_container()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["IGNORE_SIGTERM"] = "1" }, ["sleep", "300"]));

        await Runtime.KillContainerAsync(id);
        var exit = await Runtime.WaitForExitAsync(id);

        Assert.Equal(ContainerState.Exited, (await Runtime.InspectContainerAsync(id)).State);
        if (Runtime.Capabilities.ReportsExitCodes)
        {
            Assert.Equal(137, exit.ExitCode);
        }
    }

    /// <summary>Inspect of a removed container fails with container_not_found, and so does start.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Inspect_of_a_removed_container_fails_with_container_not_found()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));

        await Runtime.RemoveContainerAsync(id, force: true);

        Assert.Equal(BridgeErrorCode.ContainerNotFound, (await ThrowsBridgeAsync(() => Runtime.InspectContainerAsync(id))).Code);
        Assert.Equal(BridgeErrorCode.ContainerNotFound, (await ThrowsBridgeAsync(() => Runtime.StartContainerAsync(id))).Code);
    }

    private async Task<IReadOnlyList<ContainerLogLine>> ReadLogAsync(string id)
    {
        var lines = new List<ContainerLogLine>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow: false))
        {
            lines.Add(line);
        }

        return lines;
    }

    private async Task WaitForLogLineAsync(string id, string text)
    {
        var seen = await EventuallyAsync(async () => (await ReadLogAsync(id)).Any(l => l.Text == text), TimeSpan.FromSeconds(30));
        Assert.True(seen, $"'{text}' did not appear in the log of {id}");
    }
}
