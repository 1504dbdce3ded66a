using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// Apple's switch: the real <c>container system stop</c> and <c>container system start</c> of the Apple CLI emulator, on
/// a private emulator state (<c>ACTR_APPLE_EMULATOR_STATE</c>, set process-wide for the life of this object, so that
/// the AppHost, its watchdog and the test's own checks all use it) so that <c>system stop</c> stops only this test's
/// containers. Disposing starts the service again, deletes every container and volume of the state, waits until no
/// process uses the state any more, then restores the variable and removes the state directory.
/// </summary>
internal sealed class AppleEmulatorSystemSwitch : IRuntimeSwitch
{
    private const string StateVariable = "ACTR_APPLE_EMULATOR_STATE";

    /// <summary>The label the emulator puts on every podman object of a state (tests/AppleCliEmulator/README.md).</summary>
    private const string InstanceLabel = "io.github.aspire-applecontainer.apple-emulator";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(90);
    private readonly string? _saved = Environment.GetEnvironmentVariable(StateVariable);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("engh-apple-state-");
    private readonly string _cli;

    private AppleEmulatorSystemSwitch(string cli)
    {
        _cli = cli;
        Environment.SetEnvironmentVariable(StateVariable, _state.FullName);
    }

    /// <summary>A switch for <paramref name="runtime"/> on a fresh private state, its service running.</summary>
    public static Task<IRuntimeSwitch> CreateAsync(AppleEmulatorTestRuntime runtime) =>
        Task.FromResult<IRuntimeSwitch>(new AppleEmulatorSystemSwitch(runtime.CliPath!));

    /// <inheritdoc />
    public void Configure(IDistributedApplicationTestingBuilder builder)
    {
        // The state is process-wide: the application's CLI calls inherit it.
    }

    /// <inheritdoc />
    public Task DownAsync() => RunAsync("system", "stop");

    /// <inheritdoc />
    public Task UpAsync() => RunAsync("system", "start");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await UpAsync();
            await RunAsync("delete", "--all", "--force");
            foreach (var volume in (await RunAsync("volume", "list", "--quiet")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await RunAsync("volume", "delete", volume);
            }

            await WaitUntilNoProcessUsesStateAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            try
            {
                await RemovePodmanObjectsAsync();
            }
            finally
            {
                Environment.SetEnvironmentVariable(StateVariable, _saved);
                _state.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// Waits until no process (a watchdog's last cleanup, a runtime helper) has the state in its environment or argv:
    /// the emulator recreates a state directory that a late call finds missing.
    /// </summary>
    private async Task WaitUntilNoProcessUsesStateAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        List<string> users;
        while ((users = ProcessesUsingState()).Count > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"Processes still use the emulator state {_state.FullName} after {timeout.TotalSeconds:F0} s: {string.Join("; ", users)}");
            }

            await Task.Delay(200);
        }
    }

    private List<string> ProcessesUsingState()
    {
        var needle = Encoding.UTF8.GetBytes(_state.FullName);
        var users = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (!char.IsAsciiDigit(name[0]) || name == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                continue;
            }

            var cmdline = TryRead(Path.Combine(directory, "cmdline"));
            if (Contains(cmdline, needle) || Contains(TryRead(Path.Combine(directory, "environ")), needle))
            {
                users.Add($"{name}: {Encoding.UTF8.GetString(cmdline ?? []).Replace('\0', ' ')}");
            }
        }

        return users;
    }

    /// <summary>Removes any podman container or volume of this state that the emulator's own deletes left (none, normally).</summary>
    private async Task RemovePodmanObjectsAsync()
    {
        var instance = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_state.FullName.TrimEnd('/'))))[..12];
        var filter = $"label={InstanceLabel}={instance}";
        var containers = (await RunPodmanAsync("ps", "--all", "--quiet", "--filter", filter)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (containers.Length > 0)
        {
            await RunPodmanAsync(["rm", "--force", .. containers]);
        }

        var volumes = (await RunPodmanAsync("volume", "ls", "--quiet", "--filter", filter)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (volumes.Length > 0)
        {
            await RunPodmanAsync(["volume", "rm", "--force", .. volumes]);
        }
    }

    private Task<string> RunAsync(params string[] arguments) => RunProcessAsync(_cli, arguments);

    private static Task<string> RunPodmanAsync(params string[] arguments) => RunProcessAsync("podman", arguments);

    private static async Task<string> RunProcessAsync(string executable, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(CallTimeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not end within {CallTimeout.TotalSeconds:F0} s.");
        }

        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool Contains(byte[]? haystack, byte[] needle) => haystack is not null && haystack.AsSpan().IndexOf(needle) >= 0;
}
