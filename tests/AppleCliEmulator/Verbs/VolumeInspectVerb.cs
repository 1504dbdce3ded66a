using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Verbs;

/// <summary><c>volume inspect names…</c> (VolumeInspect.swift@1.2.2:38–53): missing ones fail with <c>volume not found: …</c>; pretty JSON.</summary>
internal static class VolumeInspectVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("volume inspect", []).Read(args);
        var names = Positionals.AtLeastOne(parsed, "volume inspect", "<names>").ToHashSet(StringComparer.Ordinal);
        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var volumes = VolumeStore.List(state).Where(v => names.Contains(v["name"]!.GetValue<string>())).ToList();
        if (volumes.Count != names.Count)
        {
            var missing = names.Except(volumes.Select(v => v["name"]!.GetValue<string>())).Order(StringComparer.Ordinal);
            throw CliFailure.Of(ContainerizationError.NotFound($"volume not found: {string.Join(", ", missing)}"));
        }

        Console.Out.WriteLine(SwiftJson.Pretty(new JsonArray([.. volumes.Select(v => (JsonNode)VolumeStore.Resource(v))])));
        return 0;
    }
}
