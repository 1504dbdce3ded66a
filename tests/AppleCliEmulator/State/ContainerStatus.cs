using System.Text.Json.Nodes;

namespace AppleCliEmulator.State;

/// <summary>
/// ContainerStatus (Sources/ContainerResource/Container/ContainerStatus.swift@1.2.2): <c>state</c> (RuntimeStatus.swift:
/// unknown|stopped|running|stopping), <c>networks</c> (attachments, empty once stopped: ContainersService.swift@1.2.2:993–996)
/// and <c>startedDate</c>, omitted while never started (encodeIfPresent).
/// </summary>
internal sealed record ContainerStatus(string State, string? StartedDate, JsonArray Networks)
{
    public bool IsRunning => State == "running";

    public JsonObject ToJson()
    {
        var status = new JsonObject { ["networks"] = Networks.DeepClone(), ["state"] = State };
        if (StartedDate is not null)
        {
            status["startedDate"] = StartedDate;
        }

        return status;
    }
}
