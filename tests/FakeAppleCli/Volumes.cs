using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary><c>volume</c> verbs (VolumeResource/VolumeConfiguration @1.0.0) and <c>network inspect|list</c> (NetworkResource @1.0.0).</summary>
internal static class Volumes
{
    public static bool Exists(FakeState state, string name) => File.Exists(RecordPath(state, name));

    public static string DataDirectory(FakeState state, string name) => Path.Combine(state.Root, "volumes", name + ".data");

    public static int Run(FakeState state, string verb, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--label", "--opt", "-s", "--format" }, new Dictionary<string, string> { ["-q"] = "--quiet" });
        switch (verb)
        {
            case "volume create":
                var name = args.Positionals.Single();
                state.Locked(() =>
                {
                    if (Exists(state, name))
                    {
                        throw FakeFailure.Internal($"volume '{name}' already exists");
                    }

                    var labels = new JsonObject();
                    foreach (var label in options.GetValueOrDefault("--label") ?? [])
                    {
                        var pair = label.Split('=', 2);
                        labels[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
                    }

                    Directory.CreateDirectory(DataDirectory(state, name));
                    FakeState.WriteObject(RecordPath(state, name), new JsonObject
                    {
                        ["creationDate"] = FakeState.Now(), ["driver"] = "local", ["format"] = "ext4", ["labels"] = labels,
                        ["name"] = name, ["options"] = new JsonObject(), ["source"] = DataDirectory(state, name) + "/volume.img",
                    });
                    return 0;
                });
                Console.WriteLine(name);
                return 0;
            case "volume delete" or "volume rm":
                foreach (var volume in args.Positionals)
                {
                    if (!Exists(state, volume))
                    {
                        throw FakeFailure.Internal($"volume '{volume}' not found");
                    }

                    // VolumesService._delete @1.0.0: any container referencing it blocks the delete.
                    if (state.ContainerIds().Any(id => state.Configuration(id)["mounts"]!.AsArray().Any(m => m!["type"]!["volume"]?["name"]?.GetValue<string>() == volume)))
                    {
                        throw FakeFailure.Internal($"volume '{volume}' is currently in use and cannot be accessed by another container, or deleted");
                    }

                    File.Delete(RecordPath(state, volume));
                    Directory.Delete(DataDirectory(state, volume), recursive: true);
                    Console.WriteLine(volume);
                }

                return 0;
            default:
                var names = verb == "volume inspect" ? args.Positionals : All(state);
                var missing = names.Where(n => !Exists(state, n)).ToList();
                if (missing.Count > 0)
                {
                    throw FakeFailure.NotFound($"volume not found: {string.Join(", ", missing)}");
                }

                var items = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["configuration"] = FakeState.ReadObject(RecordPath(state, n)), ["id"] = n })]);
                Console.WriteLine(items.ToJsonString(verb == "volume inspect" ? FakeState.Pretty : FakeState.Compact));
                return 0;
        }
    }

    public static int Network(FakeState state, string verb, FakeArgs args)
    {
        args.ReadOptions(new HashSet<string> { "--format" });
        var names = verb == "network inspect" ? args.Positionals : ["default"];
        if (names.FirstOrDefault(n => n != "default") is { } missing)
        {
            throw FakeFailure.NotFound($"network not found: {missing}");
        }

        var network = new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["creationDate"] = "2025-06-09T00:00:00Z", ["ipv4Subnet"] = "192.168.64.0/24", ["labels"] = new JsonObject { ["com.apple.container.resource.role"] = "builtin" },
                ["mode"] = "nat", ["name"] = "default", ["options"] = new JsonObject(), ["plugin"] = "container-network-vmnet",
            },
            ["id"] = "default",
            ["status"] = new JsonObject { ["ipv4Gateway"] = "192.168.64.1", ["ipv4Subnet"] = "192.168.64.0/24" },
        };
        Console.WriteLine(new JsonArray(network).ToJsonString(verb == "network inspect" ? FakeState.Pretty : FakeState.Compact));
        return 0;
    }

    private static List<string> All(FakeState state) =>
        Directory.Exists(Path.Combine(state.Root, "volumes"))
            ? [.. Directory.EnumerateFiles(Path.Combine(state.Root, "volumes"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)]
            : [];

    private static string RecordPath(FakeState state, string name) => Path.Combine(state.Root, "volumes", name + ".json");
}
