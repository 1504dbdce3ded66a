using System.Text;
using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;
using Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.EmulatorSelfTests;

/// <summary>
/// What the emulator prints, checked against apple/container 1.2.2 (and containerization 0.40.1, swift-argument-parser
/// 1.8.2) as cited on each test, and against the shapes of the golden fixtures in Fixtures/Apple.
/// </summary>
public sealed class EmulatorOutputTests
{
    /// <summary>ReleaseVersion.singleLine(appName: "container CLI") (ReleaseVersion.swift, Application.swift@1.2.2:48).</summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task The_version_is_the_1_2_2_line_on_stdout()
    {
        await using var sandbox = new EmulatorSandbox();

        var result = await sandbox.CliAsync("--version");

        Assert.Equal((0, "container CLI version 1.2.2 (build: release, commit: 0190097)\n", string.Empty), (result.ExitCode, result.StandardOutput, result.StandardError));
        Assert.Equal(new Version(1, 2, 2), AppleVersionParser.Parse(result.StandardOutput));
    }

    /// <summary>
    /// A ContainerizationError prints as <c>Error: &lt;message&gt;</c> with exit 1 (ContainerizationError.swift@0.40.1:82–90,
    /// Foundation.swift@1.8.2:18–33); the messages are ContainerInspect.swift, ContainerClient.get, ContainerExec/ProcessUtils,
    /// ImageInspect.swift and VolumeDelete.swift@1.2.2:77.
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Failures_print_Error_and_the_bare_message_with_exit_1()
    {
        await using var sandbox = new EmulatorSandbox();

        Assert.Equal((1, "Error: container not found: a1, b2\n"), Failure(await sandbox.CliAsync("inspect", "b2", "a1")));
        Assert.Equal((1, "Error: get failed: container web not found\n"), Failure(await sandbox.CliAsync("start", "web")));
        Assert.Equal((1, "Error: get failed: container web not found\n"), Failure(await sandbox.CliAsync("exec", "web", "true")));
        Assert.Equal((1, "Error: image not found: localhost/missing:1\n"), Failure(await sandbox.CliAsync("image", "inspect", EmulatorSandbox.BusyboxImage, "localhost/missing:1")));
        Assert.Equal((1, "Error: failed to delete one or more volumes: [\"nope\"]\n"), Failure(await sandbox.CliAsync("volume", "delete", "nope")));
        Assert.Equal((1, "Error: volume not found: nope\n"), Failure(await sandbox.CliAsync("volume", "inspect", "nope")));
        Assert.Equal((1, "Error: network not found: other\n"), Failure(await sandbox.CliAsync("network", "inspect", "other")));
        Assert.Equal((1, "Error: no containers specified and --all not supplied\n"), Failure(await sandbox.CliAsync("stop")));
    }

    /// <summary>
    /// stop, kill and delete gather failures into an AggregateError, printed as each error's <c>String(describing:)</c>
    /// (AggregateError.swift@1.2.2), wrapped by the client (ContainerClient.swift@1.2.2:163–212) around the API server's
    /// message (ContainersService.swift@1.2.2:1126–1135, 39–48, 834–841).
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Stop_kill_and_delete_failures_print_the_aggregate_of_wrapped_server_errors()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "idle", EmulatorSandbox.ServiceImage, "sleep", "300");
        await sandbox.CliAsync("run", "--detach", "--name", "busy", EmulatorSandbox.ServiceImage, "sleep", "300");

        Assert.Equal((1, "Error: internalError: \"failed to stop container\" (cause: \"notFound: \"container with ID web not found\"\")\n"), Failure(await sandbox.CliAsync("stop", "web")));
        Assert.Equal((1, "Error: internalError: \"failed to kill container\" (cause: \"invalidState: \"no runtime client exists: container is stopped\"\")\n"), Failure(await sandbox.CliAsync("kill", "idle")));
        Assert.Equal((1, "Error: internalError: \"failed to delete container\" (cause: \"invalidState: \"container busy is running and can not be deleted\"\")\n"), Failure(await sandbox.CliAsync("delete", "busy")));
        Assert.Equal((1, "Error: attach is currently unsupported on already running containers\n"), Failure(await sandbox.CliAsync("start", "--attach", "busy")));
        Assert.Equal((1, "Error: container idle is not running\n"), Failure(await sandbox.CliAsync("exec", "idle", "true")));
        Assert.Equal((0, "idle\n"), (await sandbox.CliAsync("stop", "idle")) is var stop ? (stop.ExitCode, stop.StandardOutput) : default);
    }

    /// <summary>
    /// create: the id rule and 63-character limit (ManagedContainer.swift@1.2.2:45–52), the 200 MiB floor
    /// (ContainersService.swift@1.2.2:328–333), an existing id (line 286–291), a bind source that is a file
    /// (Parser.swift@1.2.2:449–455), and a missing image that goes to its registry (ClientImage.fetch, lines 354–378).
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Create_refuses_bad_ids_small_memory_existing_ids_file_binds_and_missing_images_as_apple_does()
    {
        await using var sandbox = new EmulatorSandbox();
        var longId = new string('a', 64);
        var file = Path.Combine(sandbox.State.Path, "a-file");
        await File.WriteAllTextAsync(file, "x");
        await sandbox.CliAsync("create", "--name", "taken", EmulatorSandbox.ServiceImage);

        Assert.Equal((1, $"Error: container ID {longId} is not a valid container ID\n"), Failure(await sandbox.CliAsync("create", "--name", longId, EmulatorSandbox.ServiceImage)));
        Assert.Equal((1, "Error: container ID x is not a valid container ID\n"), Failure(await sandbox.CliAsync("create", "--name", "x", EmulatorSandbox.ServiceImage)));
        Assert.Equal((1, "Error: minimum memory amount allowed is 200 MiB (got 104857600 bytes)\n"), Failure(await sandbox.CliAsync("create", "--name", "small", "--memory", "100M", EmulatorSandbox.ServiceImage)));
        Assert.Equal((1, "Error: container already exists: taken\n"), Failure(await sandbox.CliAsync("create", "--name", "taken", EmulatorSandbox.ServiceImage)));
        Assert.Equal((1, $"Error: path '{file}' is not a directory\n"), Failure(await sandbox.CliAsync("create", "--name", "bound", "--mount", $"type=bind,source={file},target=/x", EmulatorSandbox.ServiceImage)));
        Assert.Equal((1, "Error: failed to resolve either repository hostname registry-1.docker.io\n"), Failure(await sandbox.CliAsync("create", "--name", "remote", "nginx")));
        Assert.Equal((1, "Error: invalid label format a=b=c\n"), Failure(await sandbox.CliAsync("create", "--name", "labelled", "--label", "a=b=c", EmulatorSandbox.ServiceImage)));
    }

    /// <summary>
    /// Parser.envFile splits on every newline character (Parser.swift@1.2.2:175: <c>components(separatedBy: .newlines)</c>),
    /// drops leading whitespace and <c>#</c> lines, keeps values verbatim.
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task An_env_file_is_split_on_every_newline_character()
    {
        await using var sandbox = new EmulatorSandbox();
        var envFile = Path.Combine(sandbox.State.Path, "env");
        await File.WriteAllTextAsync(envFile, "A=1\u2028B=2\vC=3\fD=4\u0085E=5\rF=6\u2029  G= seven \n# H=8\n", new UTF8Encoding(false));

        await sandbox.CliAsync("create", "--name", "envy", "--env-file", envFile, EmulatorSandbox.ServiceImage);
        using var inspect = JsonDocument.Parse((await sandbox.CliAsync("inspect", "envy")).StandardOutput);
        var environment = inspect.RootElement[0].GetProperty("configuration").GetProperty("initProcess").GetProperty("environment").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(["A=1", "B=2", "C=3", "D=4", "E=5", "F=6", "G= seven "], environment.Where(e => !e!.StartsWith("PATH=", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A missing named volume is created on the fly with no labels, and the CLI warns (Utility.swift@1.2.2:369–403); its
    /// VolumeResource JSON has the VolumeConfiguration keys (VolumeConfiguration.swift@1.2.2:86–96).
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task A_missing_named_volume_is_created_without_labels_and_the_CLI_warns()
    {
        await using var sandbox = new EmulatorSandbox();

        var create = await sandbox.CliAsync("create", "--name", "withdata", "--mount", "type=volume,source=data,target=/data", EmulatorSandbox.ServiceImage);
        using var volumes = JsonDocument.Parse((await sandbox.CliAsync("volume", "list", "--format", "json")).StandardOutput);

        Assert.Equal("named volume was automatically created: [\"volume\": data]\n", create.StandardError);
        var volume = Assert.Single(volumes.RootElement.EnumerateArray());
        Assert.Equal("data", volume.GetProperty("id").GetString());
        Assert.Equal(["creationDate", "driver", "format", "labels", "name", "options", "sizeInBytes", "source"], volume.GetProperty("configuration").EnumerateObject().Select(p => p.Name));
        Assert.Empty(volume.GetProperty("configuration").GetProperty("labels").EnumerateObject());
    }

    /// <summary>
    /// list and inspect print ManagedContainer (ManagedContainer.swift@1.2.2:70–85) with sorted keys, compact or pretty as
    /// OutputRendering.swift@1.2.2:26–27 sets and Foundation's JSONWriter writes them (" : ", escaped slashes, empty arrays
    /// on their own lines); the dialect's parser reads both, and the top-level and status keys are the fixture's.
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task List_and_inspect_print_ManagedContainer_json_that_the_dialect_parses()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("run", "--detach", "--name", "web", "--label", "role=web", "--publish", "127.0.0.1:18181:8080", EmulatorSandbox.ServiceImage, "sleep", "300");

        var list = (await sandbox.CliAsync("list", "--all", "--format", "json")).StandardOutput;
        var inspect = (await sandbox.CliAsync("inspect", "web")).StandardOutput;
        var listed = Assert.Single(AppleContainerParser.Parse(list, "list"));
        var inspected = Assert.Single(AppleContainerParser.Parse(inspect, "inspect"));
        using var fixture = JsonDocument.Parse(AppleFixtures.Read("container-list.json"));
        using var document = JsonDocument.Parse(list);
        var container = document.RootElement[0];

        Assert.DoesNotContain("\n", list.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.Contains("\"reference\" : \"localhost\\/actr-test\\/service:latest\"", inspect, StringComparison.Ordinal);
        Assert.Contains("\"capAdd\" : [\n\n      ]", inspect, StringComparison.Ordinal);
        Assert.Equal(ContainerState.Running, listed.State);
        Assert.Equal("web", inspected.Labels["role"]);
        Assert.Contains(new PortMapping(8080, 18181, "127.0.0.1"), inspected.Ports);
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+/\d+$", container.GetProperty("status").GetProperty("networks")[0].GetProperty("ipv4Address").GetString());
        Assert.Equal(Keys(fixture.RootElement[0]).Where(k => k != "_source"), Keys(container));
        Assert.Equal(Keys(fixture.RootElement[0].GetProperty("status")), Keys(container.GetProperty("status")));
        Assert.Equal(Keys(container), Keys(container).Order(StringComparer.Ordinal));
        Assert.Equal(Keys(container.GetProperty("configuration")), Keys(container.GetProperty("configuration")).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// system status (SystemStatus.swift@1.2.2 PrintableStatus), image inspect (ImageResource.swift@1.2.2, its id too) and network
    /// inspect (NetworkResource.swift@1.2.2) have the fixtures' keys and parse with the dialect's readers; the default
    /// network's gateway is podman's, where containers reach the host.
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Status_image_and_network_json_have_the_fixture_shapes()
    {
        await using var sandbox = new EmulatorSandbox();

        var status = (await sandbox.CliAsync("system", "status", "--format", "json")).StandardOutput;
        var image = (await sandbox.CliAsync("image", "inspect", EmulatorSandbox.BusyboxImage)).StandardOutput;
        var network = (await sandbox.CliAsync("network", "inspect", "default")).StandardOutput;
        var gateway = (await Podman("network", "inspect", "--format", "{{range .Subnets}}{{.Gateway}}{{end}}", "podman")).Trim();
        using var statusFixture = JsonDocument.Parse(AppleFixtures.Read("system-status-running.json"));
        using var imageFixture = JsonDocument.Parse(AppleFixtures.Read("image-inspect.json"));
        using var networkFixture = JsonDocument.Parse(AppleFixtures.Read("network-inspect-default.json"));
        using var statusJson = JsonDocument.Parse(status);
        using var imageJson = JsonDocument.Parse(image);
        using var networkJson = JsonDocument.Parse(network);

        Assert.True(AppleSystemStatus.TryParse(status)?.IsRunning);
        Assert.Equal("container-apiserver version 1.2.2 (build: release, commit: 0190097)", AppleSystemStatus.TryParse(status)?.ApiServerVersion);
        Assert.Equal(Keys(statusFixture.RootElement).Where(k => k != "_source"), Keys(statusJson.RootElement));
        Assert.Equal(Keys(imageFixture.RootElement[0]).Where(k => k != "_source"), Keys(imageJson.RootElement[0]));
        Assert.Equal(Keys(imageFixture.RootElement[0].GetProperty("variants")[0]), Keys(imageJson.RootElement[0].GetProperty("variants")[0]));
        Assert.Equal(EmulatorSandbox.BusyboxImage, Assert.Single(AppleImageParser.Parse(image)).Name);
        // The id is the hex part of the index descriptor's digest (ImageResource.swift@1.2.2:75–79).
        Assert.Equal(
            imageJson.RootElement[0].GetProperty("configuration").GetProperty("descriptor").GetProperty("digest").GetString()!.Split(':')[1],
            Assert.Single(AppleImageParser.Parse(image)).Id);
        Assert.Equal(Keys(networkFixture.RootElement[0]).Where(k => k != "_source"), Keys(networkJson.RootElement[0]));
        Assert.Equal(gateway, AppleNetworkParser.Gateway(network));
    }

    /// <summary>
    /// Unknown subcommands go to the default command, a plugin lookup that fails with a ValidationError: exit 64 with the
    /// usage (DefaultCommand.swift@1.2.2:84–97, MessageInfo.swift@1.8.2:98–101, 160–168).
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task Wait_and_events_are_unknown_subcommands_failing_with_the_plugin_error_and_exit_64()
    {
        await using var sandbox = new EmulatorSandbox();

        var wait = await sandbox.CliAsync("wait", "web");
        var events = await sandbox.CliAsync("events");

        Assert.Equal(64, wait.ExitCode);
        Assert.StartsWith("Error: Plugin 'container-wait' not found.\n", wait.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("Usage: container [--debug] <subcommand>\n  See 'container --help' for more information.\n", wait.StandardError, StringComparison.Ordinal);
        Assert.Equal(64, events.ExitCode);
        Assert.StartsWith("Error: Plugin 'container-events' not found.", events.StandardError, StringComparison.Ordinal);
    }

    /// <summary>
    /// While the API server is not registered every verb fails with its XPC connection error, re-wrapped with the hint
    /// (Application.swift@1.2.2:136–139); list's error is ContainerClient.list's wrapper (ContainerClient.swift@1.2.2:101–107),
    /// create's is the unwrapped health check; status says <c>unregistered</c> with exit 1 (SystemStatus.swift@1.2.2:74–80).
    /// </summary>
    [EmulatorFact(Timeout = 60_000)]
    public async Task While_the_service_is_stopped_every_verb_fails_with_the_XPC_error_and_the_system_start_hint()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("system", "stop");
        const string Hint = "\nEnsure container system service has been started with `container system start`.\n";

        var list = await sandbox.CliAsync("list", "--all", "--format", "json");
        var create = await sandbox.CliAsync("create", "--name", "web", EmulatorSandbox.ServiceImage);
        var status = await sandbox.CliAsync("system", "status", "--format", "json");

        Assert.Equal((1, "Error: internalError: \"failed to list containers\" (cause: \"interrupted: \"XPC connection error: Connection invalid\"\")" + Hint), Failure(list));
        Assert.Equal((1, "Error: interrupted: \"XPC connection error: Connection invalid\"" + Hint), Failure(create));
        Assert.Equal(1, status.ExitCode);
        Assert.Equal("unregistered", AppleSystemStatus.TryParse(status.StandardOutput)?.Status);
    }

    private static (int ExitCode, string StandardError) Failure(Cli.ProcessResult result) => (result.ExitCode, result.StandardError);

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static async Task<string> Podman(params string[] arguments) =>
        (await Cli.ProcessRunner.Default.RunAsync(new Cli.ProcessRequest { FileName = "podman", Arguments = arguments, Timeout = TimeSpan.FromMinutes(1) })).StandardOutput;
}
