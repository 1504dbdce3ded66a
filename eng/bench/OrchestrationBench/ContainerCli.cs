using System.Diagnostics;

namespace OrchestrationBench;

/// <summary>
/// The container runtime's CLI (<c>BENCH_RUNTIME</c>: <c>podman</c>, the default, or <c>docker</c>), through argv lists;
/// every container the benchmark starts carries <c>engh.run=&lt;label&gt;</c>.
/// </summary>
internal static class ContainerCli
{
    public const string Image = "localhost/actr-test/service:latest";
    public const string RunLabel = "engh.run";
    public const string RuntimeVariable = "BENCH_RUNTIME";

    /// <summary>The CLI, <c>podman</c> or <c>docker</c>; null when <c>BENCH_RUNTIME</c> names neither.</summary>
    public static string? Name { get; } = Environment.GetEnvironmentVariable(RuntimeVariable) switch
    {
        null or "" or "podman" => "podman",
        "docker" => "docker",
        _ => null,
    };

    private static string Cli => Name ?? throw new InvalidOperationException($"{RuntimeVariable} must be podman or docker.");

    /// <summary>Whether the runtime is docker (a daemon does the work; see <see cref="RuntimeDaemons"/>).</summary>
    public static bool IsDocker => Cli == "docker";

    /// <summary>Runs the CLI and returns its trimmed stdout; throws when it fails.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Cli} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return (await output).Trim();
    }

    /// <summary>The start of the CLI with <paramref name="arguments"/>, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Starts a detached container of the service image; returns its id.</summary>
    public static Task<string> RunDetachedAsync(string label, string name, IEnumerable<string>? environment = null, params string[] args) =>
        RunAsync([
            "run", "-d", "--name", name, "--label", $"{RunLabel}={label}",
            .. (environment ?? []).SelectMany(e => new[] { "-e", e }),
            Image, .. args,
        ]);

    /// <summary>
    /// Stops <paramref name="ids"/> (SIGTERM, then SIGKILL after <paramref name="graceSeconds"/>) and removes them:
    /// <c>podman rm -f -t N</c>; docker's <c>rm -f</c> kills at once, so <c>docker stop -t N</c>, then <c>docker rm</c>.
    /// </summary>
    public static async Task StopAndRemoveAsync(int graceSeconds, params string[] ids)
    {
        var grace = graceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsDocker)
        {
            await RunAsync(["stop", "-t", grace, .. ids]);
            await RunAsync(["rm", .. ids]);
        }
        else
        {
            await RunAsync(["rm", "-f", "-t", grace, .. ids]);
        }
    }

    /// <summary>Removes <paramref name="ids"/> at once: <c>podman rm -f -t 0</c>, <c>docker rm -f</c> (which kills at once and has no <c>-t</c>).</summary>
    public static Task KillAndRemoveAsync(params string[] ids) =>
        RunAsync(IsDocker ? ["rm", "-f", .. ids] : ["rm", "-f", "-t", "0", .. ids]);

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
            await KillAndRemoveAsync(ids);
        }

        var volumes = (await RunAsync("volume", "ls", "-q", "--filter", $"label={RunLabel}={label}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var volume in volumes)
        {
            await RunAsync("volume", "rm", "-f", volume);
        }
    }
}
