using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary><c>create</c>, <c>run</c>, <c>list</c>, <c>inspect</c>, <c>delete</c> with Apple's flags and JSON (ManagedContainer @1.0.0).</summary>
internal static class Containers
{
    private static readonly HashSet<string> CreateValues = new(StringComparer.Ordinal)
    {
        "--name", "--entrypoint", "--env-file", "--env", "--workdir", "--user", "--publish", "--mount", "--tmpfs", "--label",
        "--cpus", "--memory", "--network", "--dns", "--platform", "--volume", "--arch", "--os", "--progress", "--scheme",
    };

    private static readonly Dictionary<string, string> CreateAliases = new(StringComparer.Ordinal)
    {
        ["-e"] = "--env", ["-w"] = "--workdir", ["--cwd"] = "--workdir", ["-u"] = "--user", ["-p"] = "--publish", ["-l"] = "--label",
        ["-c"] = "--cpus", ["-m"] = "--memory", ["-v"] = "--volume", ["-a"] = "--arch", ["-d"] = "--detach",
    };

    public static int Create(FakeState state, FakeArgs args)
    {
        Console.WriteLine(CreateContainer(state, args));
        return 0;
    }

    public static int Run(FakeState state, FakeArgs args)
    {
        var id = CreateContainer(state, args);
        return Lifecycle.StartContainer(state, id, attach: false);
    }

    public static int List(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--format" }, new Dictionary<string, string> { ["-a"] = "--all", ["-q"] = "--quiet" });
        var all = options.ContainsKey("--all");
        var items = new JsonArray();
        foreach (var id in state.ContainerIds())
        {
            var container = Describe(state, id);
            if (all || container["status"]!["state"]!.GetValue<string>() == "running")
            {
                items.Add(container);
            }
        }

        if (options.TryGetValue("--format", out var format) && format[^1] == "json")
        {
            Console.WriteLine(items.ToJsonString(FakeState.Compact));
        }
        else
        {
            foreach (var item in items)
            {
                Console.WriteLine(item!["id"]!.GetValue<string>());
            }
        }

        return 0;
    }

    public static int Inspect(FakeState state, FakeArgs args)
    {
        args.ReadOptions(new HashSet<string>());
        var ids = args.Positionals.Distinct().ToList();
        var missing = ids.Where(id => !state.Exists(id)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            // ContainerInspect.swift @1.0.0.
            throw FakeFailure.NotFound($"container not found: {string.Join(", ", missing)}");
        }

        Console.WriteLine(new JsonArray([.. ids.Select(id => (JsonNode)Describe(state, id))]).ToJsonString(FakeState.Pretty));
        return 0;
    }

    public static int Delete(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string>(), new Dictionary<string, string> { ["-f"] = "--force", ["-a"] = "--all" });
        var force = options.ContainsKey("--force");
        var ids = options.ContainsKey("--all") ? state.ContainerIds().ToList() : args.Positionals.Distinct().ToList();
        foreach (var id in ids)
        {
            if (!state.Exists(id))
            {
                throw FakeFailure.NotFound($"container with ID {id} not found");
            }

            if (Lifecycle.IsRunning(state, id))
            {
                if (!force)
                {
                    // ContainersService.delete @1.0.0.
                    throw FakeFailure.InvalidState($"container {id} is running and can not be deleted");
                }

                Lifecycle.KillContainer(state, id);
            }

            ProcessKiller.KillMarked(state.Marker(id));
            Directory.Delete(state.ContainerDirectory(id), recursive: true);
            Console.WriteLine(id);
        }

        return 0;
    }

    /// <summary>The ManagedContainer JSON: <c>{"configuration":…,"id":…,"status":{"state","networks","startedDate"?}}</c>.</summary>
    public static JsonObject Describe(FakeState state, string id)
    {
        var running = Lifecycle.IsRunning(state, id);
        var status = state.Status(id);
        var described = new JsonObject { ["networks"] = running ? status["networks"]?.DeepClone() ?? new JsonArray() : new JsonArray() };
        if (status["startedDate"] is { } started)
        {
            described["startedDate"] = started.DeepClone();
        }

        described["state"] = running ? "running" : "stopped";

        return new JsonObject { ["configuration"] = state.Configuration(id), ["id"] = id, ["status"] = described };
    }

    private static string CreateContainer(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(CreateValues, CreateAliases, stopAtFirstPositional: true);
        if (args.Positionals.Count == 0)
        {
            throw FakeFailure.InvalidArgument("Missing expected argument '<image>'");
        }

        var reference = args.Positionals[0];
        var image = Images.Find(state, reference) ?? Images.PullFromRegistry(state, reference)
            ?? throw FakeFailure.NotFound($"image with reference {reference}");
        var id = Value(options, "--name") ?? Guid.NewGuid().ToString().ToLowerInvariant();
        var configuration = ContainerConfiguration.Build(state, id, reference, image, options, args.Positionals.Skip(1).ToList());
        return state.Locked(() =>
        {
            if (state.Exists(id))
            {
                // ContainersService.create @1.0.0.
                throw FakeFailure.Exists($"container already exists: {id}");
            }

            Directory.CreateDirectory(state.ContainerDirectory(id));
            state.WriteStatus(id, new JsonObject { ["networks"] = new JsonArray() });
            FakeState.WriteObject(Path.Combine(state.ContainerDirectory(id), "configuration.json"), configuration);
            return id;
        });
    }

    public static string? Value(Dictionary<string, List<string>> options, string name) =>
        options.TryGetValue(name, out var values) ? values[^1] : null;

    public static string Ip(string id) =>
        string.Create(CultureInfo.InvariantCulture, $"192.168.64.{2 + (id.Sum(c => c) % 250)}");
}
