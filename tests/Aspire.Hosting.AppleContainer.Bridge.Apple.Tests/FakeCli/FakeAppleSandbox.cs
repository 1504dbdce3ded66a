using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>A private fake-CLI state for one test; disposing it removes every container and the state directory.</summary>
public sealed class FakeAppleSandbox : IAsyncDisposable
{
    /// <summary>The service image of the fake's built-in registry.</summary>
    public const string ServiceImage = "localhost/actr-test/service:latest";

    /// <summary>The fake CLI.</summary>
    public string CliPath { get; } = FakeAppleCliLocator.Find() ?? throw new InvalidOperationException("The fake container CLI was not built.");

    /// <summary>The state directory.</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"actr-fake-apple-{Guid.NewGuid():N}");

    /// <summary>The environment pointing the fake at <see cref="StateDirectory"/>.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["ACTR_FAKE_CONTAINER_STATE"] = StateDirectory };

    /// <summary>A runtime over this state on a simulated macOS 26 Apple-silicon host.</summary>
    public AppleContainerRuntime Runtime(AppleContainerRuntimeOptions? options = null, string? cliPath = null) =>
        new(cliPath ?? CliPath, (options ?? new AppleContainerRuntimeOptions()) with { Host = AppleFakeCliFixture.SimulatedMac, Environment = Environment });

    /// <summary>Turns a fake switch file on (<c>service-stopped</c>, <c>builder-unavailable</c>).</summary>
    public void Switch(string name)
    {
        Directory.CreateDirectory(StateDirectory);
        File.WriteAllText(Path.Combine(StateDirectory, name), "on");
    }

    /// <summary>The live processes of this state's containers (their environment carries the fake's marker).</summary>
    public IReadOnlyList<int> ContainerProcesses()
    {
        var marker = $"ACTR_FAKE_CONTAINER={StateDirectory}|";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var environ = File.ReadAllText(Path.Combine(directory, "environ"));
                var state = File.ReadAllText(Path.Combine(directory, "stat")).Split(')')[^1].TrimStart();
                if (environ.Split('\0').Any(e => e.StartsWith(marker, StringComparison.Ordinal)) && !state.StartsWith('Z'))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    /// <summary>Runs the fake directly (plumbing).</summary>
    public Task<ProcessResult> CliAsync(params string[] arguments) =>
        ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = CliPath, Arguments = arguments, Environment = Environment, Timeout = TimeSpan.FromMinutes(1) });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(StateDirectory))
        {
            File.Delete(Path.Combine(StateDirectory, "service-stopped"));
            await CliAsync("delete", "--all", "--force");
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
