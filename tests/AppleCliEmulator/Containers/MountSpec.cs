using System.Text.Json.Nodes;

namespace AppleCliEmulator.Containers;

/// <summary>
/// A parsed mount: a filesystem (virtiofs bind or tmpfs) or a named/anonymous volume still to be resolved
/// (Parser.swift@1.2.2 <c>VolumeOrFilesystem</c>, <c>ParsedVolume</c>).
/// </summary>
internal sealed record MountSpec(string Type, string Source, string Destination, List<string> Options, bool IsVolume = false, bool IsAnonymous = false)
{
    public bool ReadOnly => Options.Contains("ro");

    /// <summary>Filesystem (Sources/ContainerResource/Container/Filesystem.swift@1.2.2) encoded: <c>type</c> is a single-key object.</summary>
    public JsonObject ToJson(string? volumeSource = null)
    {
        JsonObject type = Type switch
        {
            "virtiofs" => new JsonObject { ["virtiofs"] = new JsonObject() },
            "tmpfs" => new JsonObject { ["tmpfs"] = new JsonObject() },
            _ => new JsonObject
            {
                ["volume"] = new JsonObject
                {
                    ["cache"] = new JsonObject { ["on"] = new JsonObject() },
                    ["format"] = "ext4",
                    ["name"] = Source,
                    ["sync"] = new JsonObject { ["fsync"] = new JsonObject() },
                },
            },
        };
        return new JsonObject
        {
            ["destination"] = Destination,
            ["options"] = new JsonArray([.. Options.Select(o => (JsonNode)JsonValue.Create(o))]),
            ["source"] = IsVolume ? volumeSource ?? Source : Source,
            ["type"] = type,
        };
    }
}
