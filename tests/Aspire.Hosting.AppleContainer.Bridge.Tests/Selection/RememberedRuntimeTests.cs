namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

/// <summary>
/// Remembering a selection: <see cref="ContainerRuntimeSelector.Recall"/> recreates the chosen runtime without
/// detecting it while the inputs (settings, CLIs on PATH and their files) are unchanged, and declines otherwise.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RememberedRuntimeTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("actr-remember-").FullName;
    private readonly HashSet<string> _running = new(StringComparer.Ordinal) { "podman", "docker" };
    private int _created;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private IReadOnlyList<RuntimeRegistration> Registrations() =>
    [
        new("apple", "container", () => false, Create("apple")),
        new("podman", "podman", () => true, Create("podman")),
        new("docker", "docker", () => true, Create("docker")),
    ];

    private Func<string, RuntimeSelectionOptions, IContainerRuntime> Create(string name) => (path, _) =>
    {
        _created++;
        return new DetectOnlyRuntime(name, path, _running.Contains(name));
    };

    private ExecutableLocator Locator => new(_bin);

    private string Install(string executable, string content = "#!/bin/sh\n")
    {
        var path = Path.Combine(_bin, executable);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private Task<RuntimeSelection> SelectAsync(RuntimeSelectionOptions options) =>
        ContainerRuntimeSelector.SelectRememberingAsync(options, Registrations(), Locator, CancellationToken.None);

    private IContainerRuntime? Recall(RememberedRuntime memory, RuntimeSelectionOptions options) =>
        ContainerRuntimeSelector.Recall(memory, options, Registrations(), Locator);

    [Fact]
    public async Task Selection_remembers_the_chosen_runtime_and_its_cli()
    {
        Install("docker");
        var podman = Install("podman");

        var selection = await SelectAsync(new RuntimeSelectionOptions());

        Assert.Equal("podman", selection.Runtime.Name);
        Assert.Equal(("podman", podman), (selection.Memory.Name, selection.Memory.ExecutablePath));
        Assert.Equal(ContainerRuntimeSelector.DescribeInputs(new RuntimeSelectionOptions(), Registrations(), Locator), selection.Memory.Inputs);
    }

    [Fact]
    public async Task Selection_hands_over_what_detection_reported_so_nobody_detects_again()
    {
        Install("docker");
        var podman = Install("podman");

        var selection = await SelectAsync(new RuntimeSelectionOptions { Runtime = "podman" });

        Assert.NotNull(selection.Info);
        Assert.Equal(("podman", podman, true), (selection.Info.Name, selection.Info.ExecutablePath, selection.Info.IsRunning));
    }

    [Fact]
    public async Task Unchanged_inputs_recreate_the_runtime_without_detecting_it()
    {
        var podman = Install("podman");
        var memory = (await SelectAsync(new RuntimeSelectionOptions())).Memory;
        _running.Clear();
        _created = 0;

        var recalled = Assert.IsType<DetectOnlyRuntime>(Recall(memory, new RuntimeSelectionOptions { Runtime = " auto " }));

        Assert.Equal(("podman", podman), (recalled.Name, recalled.Path));
        Assert.Equal(1, _created);
    }

    [Fact]
    public async Task A_changed_runtime_setting_explicit_cli_or_vm_cap_declines()
    {
        Install("podman");
        var docker = Install("docker");
        var memory = (await SelectAsync(new RuntimeSelectionOptions())).Memory;

        Assert.Null(Recall(memory, new RuntimeSelectionOptions { Runtime = "podman" }));
        Assert.Null(Recall(memory, new RuntimeSelectionOptions { ExecutablePath = docker }));
        Assert.Null(Recall(memory, new RuntimeSelectionOptions { MaxConcurrentVmTransitions = 2 }));
        Assert.NotNull(Recall(memory, new RuntimeSelectionOptions()));
    }

    [Fact]
    public async Task A_cli_that_appears_on_path_before_the_chosen_one_declines()
    {
        Install("docker");
        var memory = (await SelectAsync(new RuntimeSelectionOptions())).Memory;
        Assert.Equal("docker", memory.Name);

        Install("podman");

        Assert.Null(Recall(memory, new RuntimeSelectionOptions()));
        Assert.Equal("podman", (await SelectAsync(new RuntimeSelectionOptions())).Runtime.Name);
    }

    [Fact]
    public async Task A_replaced_or_removed_cli_declines()
    {
        var podman = Install("podman");
        var memory = (await SelectAsync(new RuntimeSelectionOptions())).Memory;

        Install("podman", "#!/bin/sh\n# upgraded\n");
        Assert.Null(Recall(memory, new RuntimeSelectionOptions()));

        memory = (await SelectAsync(new RuntimeSelectionOptions())).Memory;
        File.Delete(podman);
        Assert.Null(Recall(memory, new RuntimeSelectionOptions()));
    }

    [Fact]
    public void A_memory_of_an_unknown_runtime_declines()
    {
        var inputs = ContainerRuntimeSelector.DescribeInputs(new RuntimeSelectionOptions(), Registrations(), Locator);

        Assert.Null(Recall(new RememberedRuntime("nerdctl", Install("nerdctl"), inputs), new RuntimeSelectionOptions()));
    }
}
