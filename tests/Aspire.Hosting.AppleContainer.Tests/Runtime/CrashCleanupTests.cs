using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

[Collection(PodmanCollection.Name)]
public class CrashCleanupTests
{
    private const string AppHost = "Aspire.Hosting.AppleContainer.TestAppHost";

    [PodmanFact(Timeout = 180_000)]
    public async Task A_real_AppHost_killed_with_SIGKILL_leaves_no_session_container_after_15_seconds()
    {
        var prefix = "engd-" + Guid.NewGuid().ToString("N")[..8];
        using var appHost = StartAppHost($"{prefix}-crash", prefix);
        try
        {
            await WaitForLineAsync(appHost, "ACTR-TESTAPPHOST-RUNNING", TimeSpan.FromSeconds(90));
            Assert.Single(await ListAsync(prefix));

            appHost.Kill(entireProcessTree: false); // SIGKILL: no shutdown code runs in the AppHost
            await appHost.WaitForExitAsync();
            var deadline = Stopwatch.StartNew();
            while ((await ListAsync(prefix)).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(250);
            }

            Assert.Empty(await ListAsync(prefix));
        }
        finally
        {
            if (!appHost.HasExited)
            {
                appHost.Kill(entireProcessTree: true);
            }

            await PodmanTestApp.RemoveLabelledAsync(prefix);
        }
    }

    private static Process StartAppHost(string resourceName, string testLabel)
    {
        var directory = AppContext.BaseDirectory;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(directory, AppHost + ".runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, AppHost + ".deps.json"),
            Path.Combine(directory, AppHost + ".dll"),
            resourceName,
            testLabel,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForLineAsync(Process process, string marker, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"The AppHost ended (exit code {(process.HasExited ? process.ExitCode : -1)}) before printing {marker}.");
    }

    private static async Task<IReadOnlyList<Bridge.ContainerInfo>> ListAsync(string prefix) =>
        await (await PodmanTestApp.Runtime.Value).ListContainersAsync(new Dictionary<string, string> { [PodmanTestApp.TestLabel] = prefix });
}
