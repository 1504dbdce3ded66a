using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Verbs;

/// <summary><c>volume list [--format json] [-q]</c> (VolumeList.swift@1.2.2:42–46): VolumeResource JSON, compact.</summary>
internal static class VolumeListVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Option("--format", "format"), OptionSpec.Flag("--quiet", "-q")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("volume list", Options).Read(args);
        var format = ListFormat.Parse(parsed, "volume list");
        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var volumes = VolumeStore.List(state);
        var rows = volumes.Select(v => new[] { v["name"]!.GetValue<string>(), v["driver"]!.GetValue<string>(), v["creationDate"]!.GetValue<string>() }).ToList();
        ListFormat.Emit(format, new JsonArray([.. volumes.Select(v => (JsonNode)VolumeStore.Resource(v))]), ["NAME", "DRIVER", "CREATED"], rows, parsed.Has("--quiet"));
        return 0;
    }
}
