using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// One emulator state (<c>ACTR_APPLE_EMULATOR_STATE</c>): a directory under the temporary directory named
/// <c>actr-apple-emulator-&lt;guid&gt;</c> holding the owning test process's pid. Everything the emulator creates on podman
/// for it carries the instance label (the state's hash), so removal is a label query; stale states of dead test processes
/// are swept.
/// </summary>
public sealed class EmulatorStateDirectory
{
    /// <summary>The name prefix of every state directory the tests create.</summary>
    public const string Prefix = "actr-apple-emulator-";

    /// <summary>The label the emulator puts on its podman containers and volumes (value: <see cref="Instance"/>).</summary>
    public const string InstanceLabel = "io.github.aspire-applecontainer.apple-emulator";

    private EmulatorStateDirectory(string path)
    {
        Path = path;
        Instance = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
    }

    /// <summary>The state directory.</summary>
    public string Path { get; }

    /// <summary>The state's instance hash (the emulator's label value and podman name prefix part).</summary>
    public string Instance { get; }

    /// <summary>The environment that points the emulator at this state.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["ACTR_APPLE_EMULATOR_STATE"] = Path };

    /// <summary>Creates a fresh state owned by this test process.</summary>
    public static EmulatorStateDirectory Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{Prefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        File.WriteAllText(System.IO.Path.Combine(path, "owner"), System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new EmulatorStateDirectory(path);
    }

    /// <summary>Removes the states whose owning test process is gone (a crashed or killed earlier run).</summary>
    public static async Task SweepStaleAsync()
    {
        foreach (var directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), $"{Prefix}*"))
        {
            // Only states this type made (a guid after the prefix); other directories that share the prefix are not ours.
            if (!Guid.TryParseExact(System.IO.Path.GetFileName(directory)[Prefix.Length..], "N", out _))
            {
                continue;
            }

            var owner = System.IO.Path.Combine(directory, "owner");
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsAlive(pid))
            {
                continue;
            }

            await new EmulatorStateDirectory(directory).RemoveAsync();
        }
    }

    /// <summary>The pids of this state's runtime helpers (their argv names the state).</summary>
    public IReadOnlyList<int> HelperProcesses() => Processes($"__runtime-helper\0{Path}\0");

    /// <summary>The pids of every process whose argv or environment names this state (helpers, attached CLIs, execs).</summary>
    public IReadOnlyList<int> EmulatorProcesses()
    {
        var found = new List<int>(HelperProcesses());
        foreach (var pid in AllPids().Where(p => p != System.Environment.ProcessId))
        {
            if (Read($"/proc/{pid}/environ").Split('\0').Contains($"ACTR_APPLE_EMULATOR_STATE={Path}") && !found.Contains(pid) && IsAlive(pid))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>The podman containers carrying this state's instance label.</summary>
    public async Task<IReadOnlyList<string>> PodmanContainersAsync() =>
        Lines(await PodmanAsync("ps", "-aq", "--filter", $"label={InstanceLabel}={Instance}"));

    /// <summary>The podman volumes carrying this state's instance label.</summary>
    public async Task<IReadOnlyList<string>> PodmanVolumesAsync() =>
        Lines(await PodmanAsync("volume", "ls", "-q", "--filter", $"label={InstanceLabel}={Instance}"));

    /// <summary>
    /// Removes everything of this state: the containers through the emulator (so helpers end as they should), then, as a
    /// safety net, whatever podman still has under the instance label and any helper still running, then the directory.
    /// </summary>
    public async Task RemoveAsync()
    {
        if (Directory.Exists(System.IO.Path.Combine(Path, "containers")))
        {
            try
            {
                await EmulatorAsync("system", "start");
                await EmulatorAsync("delete", "--all", "--force");
            }
            catch (InvalidOperationException)
            {
                // The emulator is not built (or broken); the label sweep below still removes everything.
            }
        }

        foreach (var container in await PodmanContainersAsync())
        {
            await PodmanAsync("rm", "--force", "--time", "0", container);
        }

        foreach (var volume in await PodmanVolumesAsync())
        {
            await PodmanAsync("volume", "rm", "--force", volume);
        }

        foreach (var pid in HelperProcesses())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
            }
        }

        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private async Task EmulatorAsync(params string[] arguments)
    {
        var cli = AppleEmulator.CliPath;
        await ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = cli, Arguments = arguments, Environment = Environment, Timeout = TimeSpan.FromMinutes(2) });
    }

    private static async Task<string> PodmanAsync(params string[] arguments) =>
        (await ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = "podman", Arguments = arguments, Timeout = TimeSpan.FromMinutes(2) })).StandardOutput;

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<int> Processes(string needle) =>
        [.. AllPids().Where(pid => Read($"/proc/{pid}/cmdline").Contains(needle, StringComparison.Ordinal) && IsAlive(pid))];

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0);

    private static bool IsAlive(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length > 0 && !stat[(stat.LastIndexOf(')') + 1)..].TrimStart().StartsWith('Z');
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
