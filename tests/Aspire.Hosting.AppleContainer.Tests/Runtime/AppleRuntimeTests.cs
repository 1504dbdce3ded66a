using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// What only Apple's runtime asks of the orchestrator, shown on the emulator: VM boots rationed by the transition cap,
/// and an image pulled from a registry (one VM per container; images pulled for the host's platform).
/// </summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleRuntimeTests(AppleEmulatorTestRuntime runtime) : IClassFixture<AppleEmulatorTestRuntime>
{
    [RuntimeFact(Timeout = 240_000)]
    public async Task With_a_cap_of_one_VM_transition_six_containers_boot_one_at_a_time_and_all_run()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            await using var appHost = TestAppHostProcess.Start(
                runtime, prefix, newProcessGroup: false, sessionContainers: 6,
                environment: new Dictionary<string, string> { [RuntimeSelectionOptions.MaxConcurrentVmTransitionsVariable] = "1" });
            await appHost.WaitForRunningAsync(TimeSpan.FromSeconds(180));

            var ids = (await RuntimeTestApp.ListLabelledAsync(runtime, prefix)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var boots = BootIntervals(ids);

            Assert.Equal(7, ids.Count);
            Assert.Equal(7, boots.Count);
            Assert.Equal(1, MaxOverlap(boots));
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        }
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task An_image_missing_locally_is_pulled_from_its_registry_with_progress_in_the_resources_log_and_runs()
    {
        await using var registry = await LocalRegistry.AcquireAsync();
        var image = $"localhost/{RuntimeTestApp.NewPrefix()}/service";
        await PodmanAsync("tag", "localhost/actr-test/service:latest", $"{image}:1");
        try
        {
            await PodmanAsync("push", "--tls-verify=false", $"{image}:1");
        }
        finally
        {
            await PodmanAsync("rmi", $"{image}:1");
        }

        try
        {
            await using var test = RuntimeTestApp.Create(runtime);
            test.Builder.AddAppleContainer(test.Name("pulled"), image, "1").WithArgs("sleep", "300").WithContainerLabel(RuntimeTestApp.TestLabel, test.Prefix);
            var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
            await test.StartAsync(app => _ = CollectAsync(app.Services.GetRequiredService<ResourceLoggerService>(), test.Name("pulled"), log));

            await test.WaitForStateAsync("pulled", KnownResourceStates.Running, TimeSpan.FromSeconds(150));

            Assert.Contains(log, line => line.Contains($"Pulling image {image}:1", StringComparison.Ordinal));
            Assert.True(await (await runtime.BridgeAsync()).ImageExistsAsync($"{image}:1"));
        }
        finally
        {
            await PodmanAsync("rmi", "--ignore", $"{image}:1");
        }
    }

    private static async Task CollectAsync(ResourceLoggerService loggers, string resource, System.Collections.Concurrent.ConcurrentQueue<string> lines)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resource))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The emulator's boot intervals (test instrumentation in its state: vm-transitions.log) of the given containers.</summary>
    private static List<(long Begin, long End)> BootIntervals(HashSet<string> ids)
    {
        var journal = Path.Combine(Path.GetDirectoryName(AppleEmulatorLocator.Path)!, "state", "vm-transitions.log");
        var begins = new Dictionary<string, long>(StringComparer.Ordinal);
        var intervals = new List<(long, long)>();
        foreach (var fields in File.ReadAllLines(journal).Select(line => line.Split(' ')).Where(f => f.Length == 4 && f[1] == "boot" && ids.Contains(f[2])))
        {
            var at = long.Parse(fields[3], CultureInfo.InvariantCulture);
            if (fields[0] == "begin")
            {
                begins[fields[2]] = at;
            }
            else if (begins.Remove(fields[2], out var begin))
            {
                intervals.Add((begin, at));
            }
        }

        return intervals;
    }

    private static int MaxOverlap(List<(long Begin, long End)> intervals)
    {
        var edges = intervals.SelectMany(i => new[] { (At: i.Begin, Delta: 1), (At: i.End, Delta: -1) }).OrderBy(e => e.At).ThenBy(e => e.Delta);
        int current = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            current += delta;
            max = Math.Max(max, current);
        }

        return max;
    }

    private static async Task PodmanAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"podman {string.Join(' ', arguments)}: {await error}");
    }
}
