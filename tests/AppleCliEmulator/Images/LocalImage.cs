using System.Text.Json.Nodes;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.Images;

/// <summary>
/// A podman image under one Apple reference, rendered as ImageResource (Sources/ContainerResource/Image/ImageResource.swift@1.2.2,
/// ClientImage+ImageResource.swift@1.2.2): <c>{"configuration":{"creationDate","descriptor","name"},"id","variants":[…]}</c>
/// with one variant per platform holding the OCI image config (ContainerizationOCI ImageConfig.swift@0.40.1: <c>Cmd</c>,
/// <c>Entrypoint</c>, <c>Env</c>, <c>Labels</c>, <c>StopSignal</c>, <c>User</c>, <c>WorkingDir</c>, each only when set).
/// Podman stores one platform per image, so there is one variant; digests and sizes are podman's.
/// </summary>
internal sealed class LocalImage(string reference, JsonObject podman)
{
    public string Reference { get; } = reference;

    public JsonObject Podman { get; } = podman;

    public string Digest => Podman["Digest"]?.GetValue<string>() is { Length: > 0 } digest ? digest : $"sha256:{Podman["Id"]!.GetValue<string>()}";

    public string Architecture => Podman["Architecture"]?.GetValue<string>() ?? "amd64";

    public string Os => Podman["Os"]?.GetValue<string>() ?? "linux";

    public JsonObject? Config => Podman["Config"] as JsonObject;

    /// <summary>The ImageConfig fields the runtime uses (Parser.process, Utility.swift@1.2.2:144–151, 260).</summary>
    public IReadOnlyList<string> Env => Strings("Env");

    public IReadOnlyList<string> Entrypoint => Strings("Entrypoint");

    public IReadOnlyList<string> Cmd => Strings("Cmd");

    public string? WorkingDir => Config?["WorkingDir"]?.GetValue<string>() is { Length: > 0 } dir ? dir : null;

    public string? User => Config?["User"]?.GetValue<string>() is { Length: > 0 } user ? user : null;

    public string? StopSignal => Config?["StopSignal"]?.GetValue<string>() is { Length: > 0 } signal ? signal : null;

    /// <summary>ImageDescription (ImageDescription.swift@1.2.2): the reference and the index descriptor.</summary>
    public JsonObject Description() => new() { ["descriptor"] = Descriptor(), ["reference"] = Reference };

    public JsonObject Resource()
    {
        var created = Podman["Created"]?.GetValue<string>();
        var imageConfig = new JsonObject();
        foreach (var (apple, podman) in new[] { ("Cmd", "Cmd"), ("Entrypoint", "Entrypoint"), ("Env", "Env"), ("Labels", "Labels"), ("StopSignal", "StopSignal"), ("User", "User"), ("WorkingDir", "WorkingDir") })
        {
            if (Config?[podman] is { } value && !(value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length == 0))
            {
                imageConfig[apple] = value.DeepClone();
            }
        }

        var config = new JsonObject
        {
            ["architecture"] = Architecture,
            ["config"] = imageConfig,
            ["os"] = Os,
            ["rootfs"] = new JsonObject
            {
                ["diff_ids"] = new JsonArray([.. (Podman["RootFS"]?["Layers"] as JsonArray ?? []).Select(l => l?.DeepClone())]),
                ["type"] = "layers",
            },
        };
        if (created is not null)
        {
            config["created"] = created;
        }

        return new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["creationDate"] = SwiftDate.Iso8601(SwiftDate.Parse(created) ?? DateTimeOffset.UnixEpoch),
                ["descriptor"] = Descriptor(),
                ["name"] = Reference,
            },
            ["id"] = Digest[(Digest.IndexOf(':', StringComparison.Ordinal) + 1)..],
            ["variants"] = new JsonArray(new JsonObject
            {
                ["config"] = config,
                ["digest"] = Digest,
                ["platform"] = new JsonObject { ["architecture"] = Architecture, ["os"] = Os },
                ["size"] = Podman["Size"]?.ToInt64() ?? 0,
            }),
        };
    }

    private JsonObject Descriptor() => new()
    {
        ["digest"] = Digest,
        ["mediaType"] = "application/vnd.oci.image.index.v1+json",
        ["size"] = 0,
    };

    private List<string> Strings(string key) => Config?[key] is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];
}
