using System.Text.Json.Nodes;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Containers;

/// <summary>
/// ManagedContainer as the CLI prints it (ManagedContainer.swift@1.2.2:70–85): <c>{"configuration":…,"id":…,"status":…}</c>,
/// the status built from the snapshot (lines 60–67).
/// </summary>
internal static class ManagedContainerJson
{
    public static JsonObject Of(ContainerRecord record) => Of(record, record.Status());

    public static JsonObject Of(ContainerRecord record, ContainerStatus status) => new()
    {
        ["configuration"] = record.Configuration(),
        ["id"] = record.Id,
        ["status"] = status.ToJson(),
    };
}
