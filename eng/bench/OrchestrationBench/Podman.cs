using System.Diagnostics;

namespace OrchestrationBench;

/// <summary>The podman CLI, through argv lists; every container the benchmark starts carries <c>engh.run=&lt;label&gt;</c>.</summary>
internal static class Podman
{
    public const string Image = "localhost/actr-test/service:latest";
    public const string RunLabel = "engh.run";

    /// <summary>Runs podman and returns its trimmed stdout; throws when it fails.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return (await output).Trim();
    }

    /// <summary>Starts a detached container of the service image; returns its id.</summary>
    public static Task<string> RunDetachedAsync(string label, string name, IEnumerable<string>? environment = null, params string[] args) =>
        RunAsync([
            "run", "-d", "--name", name, "--label", $"{RunLabel}={label}",
            .. (environment ?? []).SelectMany(e => new[] { "-e", e }),
            Image, .. args,
        ]);

    /// <summary>The ids of the containers labelled <paramref name="label"/>, running or not.</summary>
    public static async Task<string[]> ListAsync(string label) =>
        (await RunAsync("ps", "-a", "-q", "--filter", $"label={RunLabel}={label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Polls until no container carries <paramref name="label"/>; returns false after <paramref name="limit"/>.</summary>
    public static async Task<bool> WaitUntilGoneAsync(string label, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while ((await ListAsync(label)).Length > 0)
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Removes every container, then every volume, labelled <paramref name="label"/>.</summary>
    public static async Task RemoveLabelledAsync(string label)
    {
        if (await ListAsync(label) is { Length: > 0 } ids)
        {
            await RunAsync(["rm", "-f", "-t", "0", .. ids]);
        }

        var volumes = (await RunAsync("volume", "ls", "-q", "--filter", $"label={RunLabel}={label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var volume in volumes)
        {
            await RunAsync("volume", "rm", "-f", volume);
        }
    }
}
