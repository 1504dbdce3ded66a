using System.Text.Json.Nodes;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.State;

/// <summary>
/// A run of a container: written by its runtime helper when the init process started (state <c>running</c>, the
/// <c>startedDate</c> ContainersService.swift@1.2.2:556–560 sets, the attachments) and again when it exited (state
/// <c>stopped</c>, exit code and time).
/// </summary>
internal sealed class RunRecord(JsonObject node)
{
    public JsonObject Node { get; } = node;

    public string Token => Node["token"]?.GetValue<string>() ?? string.Empty;

    public bool IsRunning => Node["state"]?.GetValue<string>() == "running";

    public string? StartedDate => Node["startedDate"]?.GetValue<string>();

    public JsonArray Networks => Node["networks"] as JsonArray ?? [];

    public int HelperPid => Node["helperPid"]?.ToInt32() ?? 0;

    public int? ExitCode => Node["exitCode"]?.ToInt32();

    public static RunRecord Started(string token, string startedDate, JsonArray networks, int helperPid) => new(new JsonObject
    {
        ["token"] = token,
        ["state"] = "running",
        ["startedDate"] = startedDate,
        ["networks"] = networks,
        ["helperPid"] = helperPid,
    });

    public RunRecord Exited(int exitCode, string exitedAt)
    {
        var node = Node.DeepClone().AsObject();
        node["state"] = "stopped";
        node["exitCode"] = exitCode;
        node["exitedAt"] = exitedAt;
        return new RunRecord(node);
    }

    /// <summary>Whether this run's runtime helper still runs (the pid is alive and still the helper of this container).</summary>
    public bool HelperAlive() =>
        HelperPid > 0 && Native.Posix.IsAlive(HelperPid) && Native.Posix.CommandLine(HelperPid).Contains($"{Runtime.RuntimeHelper.Mode}\0", StringComparison.Ordinal) && Native.Posix.CommandLine(HelperPid).Contains(Token, StringComparison.Ordinal);
}
