using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>podman, the CLI on PATH.</summary>
[RuntimeAvailability(typeof(PodmanTestRuntimeAvailability))]
public sealed class PodmanTestRuntime : TestRuntime
{
    /// <inheritdoc />
    public override string Name => "podman";

    /// <inheritdoc />
    public override string Selection => "podman";

    /// <inheritdoc />
    public override async Task<string?> RecordedCreateCommandAsync(string containerId)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("podman") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "inspect", "--format", "{{json .Config.CreateCommand}}", containerId })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && output.Contains("\"--detach\"", StringComparison.Ordinal) ? output : throw new InvalidOperationException($"podman recorded no create command for {containerId}: {output}");
    }
}

/// <summary>Skips only where podman is not installed (eng/install-prereqs.sh installs it; CI always has it).</summary>
public sealed class PodmanTestRuntimeAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() =>
        PodmanFactAttribute.IsInstalled ? null : "podman is not installed (eng/install-prereqs.sh installs it).";
}
