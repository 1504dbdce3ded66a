using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BenchAppHosts;

/// <summary>
/// A container's start and exit times as its runtime recorded them (<c>podman inspect</c> or <c>docker inspect</c>,
/// nanosecond timestamps). The CLI is the one <c>ASPIRE_CONTAINER_RUNTIME</c> names (the benchmark's driver sets it for
/// both AppHosts), podman when unset.
/// </summary>
public static partial class ContainerInspect
{
    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();

    public static async Task<(DateTimeOffset StartedAt, DateTimeOffset FinishedAt)> ReadAsync(string id)
    {
        var cli = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is "docker" ? "docker" : "podman";
        var startInfo = new ProcessStartInfo(cli) { RedirectStandardOutput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("inspect");
        startInfo.ArgumentList.Add(id);
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(output);
        var state = json.RootElement[0].GetProperty("State");
        return (Parse(state.GetProperty("StartedAt").GetString()!), Parse(state.GetProperty("FinishedAt").GetString()!));
    }

    /// <summary>Parses an RFC 3339 timestamp with up to nine fraction digits (.NET reads seven).</summary>
    public static DateTimeOffset Parse(string timestamp) =>
        DateTimeOffset.Parse(ExtraFractionDigits().Replace(timestamp, "$1"), CultureInfo.InvariantCulture);
}
