namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Selection;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ContainerRuntimeSelectorTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("enga-selector-").FullName;
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private bool _onMac;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private IReadOnlyList<RuntimeRegistration> Registrations() =>
    [
        new("apple", "container", () => _onMac, (path, _) => new DetectOnlyRuntime("apple", path, _running.Contains("apple"))),
        new("podman", "podman", () => true, (path, _) => new DetectOnlyRuntime("podman", path, _running.Contains("podman"))),
        new("docker", "docker", () => true, (path, _) => new DetectOnlyRuntime("docker", path, _running.Contains("docker"))),
    ];

    private string Install(string executable, bool executableBit = true)
    {
        var path = Path.Combine(_bin, executable);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executableBit ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private Task<IContainerRuntime> SelectAsync(RuntimeSelectionOptions options) =>
        ContainerRuntimeSelector.SelectAsync(options, Registrations(), new ExecutableLocator($"relative/dir{Path.PathSeparator}{_bin}"), CancellationToken.None);

    [Fact]
    public async Task Auto_prefers_apple_on_macos_when_installed_and_running()
    {
        _onMac = true;
        Install("container");
        Install("podman");
        _running.UnionWith(["apple", "podman"]);

        Assert.Equal("apple", (await SelectAsync(new RuntimeSelectionOptions())).Name);
    }

    [Fact]
    public async Task Auto_skips_apple_off_macos_and_when_it_is_not_running()
    {
        Install("container");
        Install("podman");
        _running.UnionWith(["apple", "podman"]);
        Assert.Equal("podman", (await SelectAsync(new RuntimeSelectionOptions())).Name);

        _onMac = true;
        _running.Remove("apple");
        Assert.Equal("podman", (await SelectAsync(new RuntimeSelectionOptions { Runtime = "auto" })).Name);
    }

    [Fact]
    public async Task Auto_falls_back_to_docker_when_podman_is_absent_or_not_executable()
    {
        Install("podman", executableBit: false);
        var docker = Install("docker");
        _running.UnionWith(["podman", "docker"]);

        var runtime = (DetectOnlyRuntime)await SelectAsync(new RuntimeSelectionOptions());

        Assert.Equal("docker", runtime.Name);
        Assert.Equal(docker, runtime.Path);
    }

    [Fact]
    public async Task Auto_with_nothing_installed_fails_with_runtime_not_found_listing_what_it_looked_for()
    {
        var error = await Assert.ThrowsAsync<BridgeException>(() => SelectAsync(new RuntimeSelectionOptions()));

        Assert.Equal(BridgeErrorCode.RuntimeNotFound, error.Code);
        Assert.Contains("podman, docker", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("container", error.Hint!.Split('(')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auto_with_only_stopped_runtimes_reports_the_first_ones_problem()
    {
        Install("podman");
        Install("docker");

        var error = await Assert.ThrowsAsync<BridgeException>(() => SelectAsync(new RuntimeSelectionOptions()));

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Equal("podman", error.Runtime);
    }

    [Fact]
    public async Task An_explicit_runtime_is_used_even_when_another_comes_first()
    {
        Install("podman");
        Install("docker");
        _running.UnionWith(["podman", "docker"]);

        Assert.Equal("docker", (await SelectAsync(new RuntimeSelectionOptions { Runtime = "Docker" })).Name);
    }

    [Fact]
    public async Task An_explicit_executable_path_picks_the_runtime_by_file_name()
    {
        var elsewhere = Directory.CreateTempSubdirectory("enga-selector-cli-").FullName;
        try
        {
            var path = Path.Combine(elsewhere, "docker");
            File.WriteAllText(path, string.Empty);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            _running.Add("docker");

            var runtime = (DetectOnlyRuntime)await SelectAsync(new RuntimeSelectionOptions { ExecutablePath = path });

            Assert.Equal(path, runtime.Path);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Theory]
    [InlineData("podman", null)]
    [InlineData("podman", "/nonexistent/podman")]
    [InlineData("nerdctl", null)]
    [InlineData(null, "/nonexistent/lima")]
    public async Task An_unusable_explicit_choice_fails_with_runtime_not_found(string? runtime, string? path)
    {
        var error = await Assert.ThrowsAsync<BridgeException>(() => SelectAsync(new RuntimeSelectionOptions { Runtime = runtime, ExecutablePath = path }));

        Assert.Equal(BridgeErrorCode.RuntimeNotFound, error.Code);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task An_explicit_runtime_that_is_not_running_fails_with_its_problem()
    {
        Install("podman");

        var error = await Assert.ThrowsAsync<BridgeException>(() => SelectAsync(new RuntimeSelectionOptions { Runtime = "podman" }));

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
    }

    [Fact]
    public void Options_come_from_the_environment_with_empty_values_unset()
    {
        var savedRuntime = Environment.GetEnvironmentVariable(RuntimeSelectionOptions.RuntimeVariable);
        var savedCli = Environment.GetEnvironmentVariable(RuntimeSelectionOptions.ExecutablePathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RuntimeSelectionOptions.RuntimeVariable, " podman ");
            Environment.SetEnvironmentVariable(RuntimeSelectionOptions.ExecutablePathVariable, "");

            var options = RuntimeSelectionOptions.FromEnvironment();

            Assert.Equal("podman", options.Runtime);
            Assert.Null(options.ExecutablePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RuntimeSelectionOptions.RuntimeVariable, savedRuntime);
            Environment.SetEnvironmentVariable(RuntimeSelectionOptions.ExecutablePathVariable, savedCli);
        }
    }

    [Fact]
    public void The_default_registrations_are_apple_on_macOS_then_podman_then_docker()
    {
        Assert.Equal(["apple", "podman", "docker"], RuntimeRegistrations.Default.Select(r => r.Name));
        var apple = RuntimeRegistrations.Default[0];
        Assert.Equal("container", apple.ExecutableName);
        Assert.Equal(OperatingSystem.IsMacOS(), apple.IsSupportedPlatform());
        var runtime = Assert.IsType<Apple.AppleContainerRuntime>(apple.Create("/usr/local/bin/container", new RuntimeSelectionOptions { MaxConcurrentVmTransitions = 3 }));
        Assert.Equal(3, runtime.MaxConcurrentVmTransitions);
    }
}
