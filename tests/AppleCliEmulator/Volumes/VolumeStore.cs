using System.Text.Json.Nodes;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Podman;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Volumes;

/// <summary>
/// Named volumes as VolumesService keeps them (Sources/Services/ContainerAPIService/Server/Volumes/VolumesService.swift@1.2.2):
/// <c>volumes/&lt;name&gt;/entity.json</c> holds the VolumeConfiguration (VolumeConfiguration.swift@1.2.2: name, driver,
/// format ext4, source <c>…/volume.img</c>, creationDate, labels, options, sizeInBytes 512 GiB by default); the data lives
/// in a podman volume of the same name under the state's prefix, labelled with the instance. Failures are VolumeErrors,
/// which the XPC server relays as <c>invalidArgument</c> with their localized description (XPCServer.swift@1.2.2:221–227).
/// </summary>
internal static class VolumeStore
{
    private const ulong DefaultSizeBytes = 512UL * 1024 * 1024 * 1024;

    public static string EntityPath(EmulatorState state, string name) => Path.Combine(state.VolumesDirectory, name, "entity.json");

    public static JsonObject? Get(EmulatorState state, string name) => JsonFile.Read(EntityPath(state, name));

    public static List<JsonObject> List(EmulatorState state) =>
        Directory.Exists(state.VolumesDirectory)
            ? [.. Directory.EnumerateDirectories(state.VolumesDirectory).Select(d => JsonFile.Read(Path.Combine(d, "entity.json"))).OfType<JsonObject>().OrderBy(v => v["name"]!.GetValue<string>(), StringComparer.Ordinal)]
            : [];

    /// <summary>VolumesService._create (lines 313–363).</summary>
    public static JsonObject Create(EmulatorState state, string name, Dictionary<string, string> labels, Dictionary<string, string> driverOptions)
    {
        if (!MountParser.IsValidVolumeName(name))
        {
            throw Failure($"invalid volume name 'invalid volume name '{name}': must match ^[A-Za-z0-9][A-Za-z0-9_.-]*$'");
        }

        return state.Locked(() =>
        {
            if (Get(state, name) is not null)
            {
                throw Failure($"volume '{name}' already exists");
            }

            ulong size = DefaultSizeBytes;
            if (driverOptions.TryGetValue("size", out var sizeText))
            {
                size = (ulong)MemorySize.Bytes(sizeText);
                if (size < 1024 * 1024)
                {
                    throw Failure("storage error: volume size too small: minimum 1MiB");
                }
            }

            var podmanArguments = new List<string> { "volume", "create", "--label", state.InstanceLabelValue, state.PodmanName(name) };
            PodmanCli.Check(podmanArguments);
            var volume = new JsonObject
            {
                ["creationDate"] = SwiftDate.Now(),
                ["driver"] = "local",
                ["format"] = "ext4",
                ["labels"] = ToObject(labels),
                ["name"] = name,
                ["options"] = ToObject(driverOptions),
                ["sizeInBytes"] = size,
                ["source"] = Path.Combine(state.VolumesDirectory, name, "volume.img"),
            };
            JsonFile.Write(EntityPath(state, name), volume);
            return volume;
        });
    }

    /// <summary>VolumesService._delete (lines 365–391): missing, then in use by any container of the state, then removed.</summary>
    public static void Delete(EmulatorState state, string name)
    {
        if (!MountParser.IsValidVolumeName(name))
        {
            throw Failure($"invalid volume name 'invalid volume name '{name}': must match ^[A-Za-z0-9][A-Za-z0-9_.-]*$'");
        }

        state.Locked(() =>
        {
            if (Get(state, name) is null)
            {
                throw Failure($"volume '{name}' not found");
            }

            foreach (var container in state.Containers())
            {
                if ((container.Configuration()["mounts"] as JsonArray ?? []).Any(m => m?["type"]?["volume"]?["name"]?.GetValue<string>() == name))
                {
                    throw Failure($"volume '{name}' is currently in use and cannot be accessed by another container, or deleted");
                }
            }

            PodmanCli.Run("volume", "rm", state.PodmanName(name));
            Directory.Delete(Path.Combine(state.VolumesDirectory, name), recursive: true);
            return 0;
        });
    }

    /// <summary>VolumeResource (VolumeResource.swift@1.2.2:74–84): <c>{"configuration":…,"id":name}</c>.</summary>
    public static JsonObject Resource(JsonObject volume) => new() { ["configuration"] = volume.DeepClone(), ["id"] = volume["name"]!.GetValue<string>() };

    private static JsonObject ToObject(Dictionary<string, string> map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map)
        {
            obj[key] = value;
        }

        return obj;
    }

    private static CliFailure Failure(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
