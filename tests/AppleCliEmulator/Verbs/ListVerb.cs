using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>list [--all] [--format json|table|yaml|toml] [-q]</c> (ContainerList.swift@1.2.2): running containers unless
/// <c>--all</c>; JSON is compact with sorted keys (Output.render, OutputRendering.swift@1.2.2:96–117); the table has
/// ManagedContainer's columns (ManagedContainer+ListDisplayable.swift@1.2.2). yaml and toml are not emulated.
/// </summary>
internal static class ListVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a"), OptionSpec.Option("--format", "format"), OptionSpec.Flag("--quiet", "-q")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("list", Options).Read(args);
        var format = ListFormat.Parse(parsed, "list");
        ServiceGate.RequireList(state);
        var items = new JsonArray();
        var rows = new List<string[]>();
        foreach (var record in state.Containers())
        {
            JsonObject container;
            try
            {
                var status = record.Status();
                if (!parsed.Has("--all") && !status.IsRunning)
                {
                    continue;
                }

                container = ManagedContainerJson.Of(record, status);
            }
            catch (IOException) when (!record.Exists)
            {
                // Deleted while being listed (e.g. a forced delete while the status asked podman): the API server lists
                // from its own state in one answer, where such a container is simply absent; a list never fails for it.
                continue;
            }

            items.Add(container);
            rows.Add(Row(container));
        }

        ListFormat.Emit(format, items, ["ID", "IMAGE", "OS", "ARCH", "STATE", "IP", "CPUS", "MEMORY", "STARTED"], rows, parsed.Has("--quiet"));
        return 0;
    }

    private static string[] Row(JsonObject container)
    {
        var configuration = container["configuration"]!;
        var status = container["status"]!;
        return
        [
            container["id"]!.GetValue<string>(),
            configuration["image"]!["reference"]!.GetValue<string>(),
            configuration["platform"]!["os"]!.GetValue<string>(),
            configuration["platform"]!["architecture"]!.GetValue<string>(),
            status["state"]!.GetValue<string>(),
            string.Join(',', (status["networks"] as JsonArray ?? []).Select(n => n!["ipv4Address"]!.GetValue<string>())),
            configuration["resources"]!["cpus"]!.ToJsonString(),
            $"{configuration["resources"]!["memoryInBytes"]!.ToInt64() / (1024 * 1024)} MB",
            status["startedDate"]?.GetValue<string>() ?? string.Empty,
        ];
    }
}
