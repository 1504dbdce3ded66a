using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>inspect ids…</c> (ContainerInspect.swift@1.2.2:37–54): one list, filtered to the unique ids; any missing id fails the
/// whole call with <c>container not found: &lt;sorted ids&gt;</c>; the output is pretty JSON in list order.
/// </summary>
internal static class InspectVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("inspect", []).Read(args);
        var ids = Positionals.AtLeastOne(parsed, "inspect", "<container-ids>").ToHashSet(StringComparer.Ordinal);
        ServiceGate.RequireList(state);
        var found = ids.Select(state.Container).Where(c => c.Exists).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (found.Count != ids.Count)
        {
            var missing = ids.Except(found.Select(c => c.Id)).Order(StringComparer.Ordinal);
            throw CliFailure.Of(ContainerizationError.NotFound($"container not found: {string.Join(", ", missing)}"));
        }

        Console.Out.WriteLine(SwiftJson.Pretty(new JsonArray([.. found.Select(c => (JsonNode)ManagedContainerJson.Of(c))])));
        return 0;
    }
}
