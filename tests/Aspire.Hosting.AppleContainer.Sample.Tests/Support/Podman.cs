using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>The few podman queries the sample test makes to check and clean up what the sample created.</summary>
internal static class Podman
{
    /// <summary>The label the integration puts on every container it creates: the AppHost process, as <c>pid-starttime</c>.</summary>
    public const string OwnerLabel = "io.aspire.applecontainer.owner";

    /// <summary>The ids and names of the containers (running or not) that the AppHost process <paramref name="processId"/> created.</summary>
    public static async Task<IReadOnlyList<string>> ContainersOwnedByAsync(int processId)
    {
        var output = await RunAsync("ps", "--all", "--filter", $"label={OwnerLabel}", "--format", $"{{{{.ID}}}} {{{{.Names}}}} {{{{index .Labels \"{OwnerLabel}\"}}}}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length == 3 && fields[2].StartsWith($"{processId}-", StringComparison.Ordinal))
            .Select(fields => $"{fields[0]} {fields[1]}")
            .ToList();
    }

    /// <summary>Whether a volume named <paramref name="name"/> exists.</summary>
    public static async Task<bool> VolumeExistsAsync(string name) =>
        (await RunAsync("volume", "ls", "--format", "{{.Name}}")).Split('\n', StringSplitOptions.TrimEntries).Contains(name);

    /// <summary>Removes containers by id, running or not.</summary>
    public static Task RemoveContainersAsync(IEnumerable<string> ids) => RunAsync(["rm", "--force", .. ids]);

    /// <summary>Removes a volume (when it exists).</summary>
    public static Task RemoveVolumeAsync(string name) => RunAsync("volume", "rm", "--force", name);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
