namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// Dialect behaviours the emulator makes testable, each forced by what Apple's CLI 1.2.2 does (cited per test): a missing
/// image is a registry error, memory and environment limits of the CLI, the attached observer's exit status, and logs of a
/// container this process did not start.
/// </summary>
public sealed class AppleEmulatorDialectTests
{
    private static RunSpec Service(string name, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? args = null) =>
        new() { Name = name, Image = EmulatorSandbox.ServiceImage, Args = args ?? [], Environment = environment ?? new Dictionary<string, string>() };

    /// <summary>
    /// A pull of an image the registry does not have fails with the registry client's HTTP error (RegistryClient+Error.swift@0.40.1,
    /// ImagePull.swift@1.2.2), which the dialect must classify as image_not_found, as the OCI dialect does for "manifest unknown".
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Pulling_an_image_the_registry_does_not_have_fails_with_image_not_found()
    {
        await using var registry = await LocalRegistry.AcquireAsync();
        await using var sandbox = new EmulatorSandbox();

        var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().PullImageAsync("localhost/actr-apple-emulator-missing:1"));

        Assert.Equal(BridgeErrorCode.ImageNotFound, error.Code);
    }

    /// <summary>create of a missing image pulls it (ClientImage.fetch, ClientImage.swift@1.2.2:354–378), so it fails the same way.</summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Creating_a_container_from_an_image_the_registry_does_not_have_fails_with_image_not_found()
    {
        await using var registry = await LocalRegistry.AcquireAsync();
        await using var sandbox = new EmulatorSandbox();

        var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().CreateContainerAsync(Service("orphan") with { Image = "localhost/actr-apple-emulator-missing:1" }));

        Assert.Equal(BridgeErrorCode.ImageNotFound, error.Code);
    }

    /// <summary>The API server refuses less than 200 MiB (ContainersService.swift@1.2.2:328–333): a coded spec error, never a bare CLI failure.</summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Memory_below_200_MiB_is_refused_as_a_spec_problem()
    {
        await using var sandbox = new EmulatorSandbox();

        var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().CreateContainerAsync(Service("small") with { MemoryBytes = 100L * 1024 * 1024 }));

        Assert.Contains(error.Code, new[] { BridgeErrorCode.UnsupportedOption, BridgeErrorCode.InvalidSpec });
    }

    /// <summary>
    /// The CLI splits an env file on every newline character (Parser.swift@1.2.2:175), so a value holding U+2028 or \v cannot
    /// pass through one: the container must see the exact value, or the spec must be refused; never a different environment.
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task An_environment_value_with_a_newline_character_reaches_the_container_intact_or_is_refused()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();
        var environment = new Dictionary<string, string> { ["SPLIT"] = "a\u2028b\vc", ["EXIT_CODE"] = "0" };

        string id;
        try
        {
            id = await runtime.CreateContainerAsync(Service("newlines", environment));
        }
        catch (BridgeException refused)
        {
            Assert.Contains(refused.Code, new[] { BridgeErrorCode.UnsupportedOption, BridgeErrorCode.InvalidSpec });
            return;
        }

        await runtime.StartContainerAsync(id);
        await runtime.WaitForExitAsync(id);
        var lines = new List<string>();
        await foreach (var line in runtime.GetLogsAsync(id, follow: false))
        {
            lines.Add(line.Text);
        }

        Assert.Contains("ENV SPLIT=a\u2028b\vc", lines);
    }

    /// <summary>The attached CLI exits with the init process's status, 128+9 for SIGKILL (ContainerStart.swift@1.2.2:105–114).</summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Wait_reports_137_for_a_killed_container_this_process_started()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();
        var id = await runtime.CreateContainerAsync(Service("killed", args: ["sleep", "300"]));
        await runtime.StartContainerAsync(id);

        await runtime.KillContainerAsync(id);
        var exit = await runtime.WaitForExitAsync(id);

        Assert.Equal(137, exit.ExitCode);
    }

    /// <summary>
    /// Logs of a container no observer of this process started come from <c>container logs</c>, whose follow splits reads on
    /// newlines and never ends (ContainerLogs.swift@1.2.2:106–139): every line must still arrive once, in order.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task Following_a_container_started_without_an_observer_delivers_every_line_once_in_order()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime(new AppleContainerRuntimeOptions { ObserveExitCodes = false, ExitPollInterval = TimeSpan.FromMilliseconds(300) });
        var id = await runtime.CreateContainerAsync(Service("chatty", new Dictionary<string, string> { ["PRINT_LINES"] = "1000" }, ["sh", "-c", "sleep 2"]));
        await runtime.StartContainerAsync(id);

        var lines = new List<string>();
        await foreach (var line in runtime.GetLogsAsync(id, follow: true))
        {
            lines.Add(line.Text);
        }

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"line {i}"), lines.Where(l => l.StartsWith("line ", StringComparison.Ordinal)));
    }
}
