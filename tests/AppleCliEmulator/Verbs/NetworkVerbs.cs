using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Network;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>network inspect names…</c> and <c>network list</c> (NetworkInspect.swift, NetworkList.swift@1.2.2): only the built-in
/// <c>default</c> network exists; a missing name fails with <c>network not found: …</c>.
/// </summary>
internal static class NetworkVerbs
{
    public static int Inspect(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("network inspect", []).Read(args);
        var names = Positionals.AtLeastOne(parsed, "network inspect", "<networks>").ToHashSet(StringComparer.Ordinal);
        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var missing = names.Where(n => n != DefaultNetwork.Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw CliFailure.Of(ContainerizationError.NotFound($"network not found: {string.Join(", ", missing)}"));
        }

        Console.Out.WriteLine(SwiftJson.Pretty(new JsonArray(DefaultNetwork.Resource(DefaultNetwork.CreationDate(state.Root)))));
        return 0;
    }

    public static int List(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("network list", [OptionSpec.Option("--format", "format"), OptionSpec.Flag("--quiet", "-q")]).Read(args);
        var format = ListFormat.Parse(parsed, "network list");
        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var network = DefaultNetwork.Resource(DefaultNetwork.CreationDate(state.Root));
        var row = new[] { DefaultNetwork.Name, "running", network["status"]!["ipv4Subnet"]!.GetValue<string>() };
        ListFormat.Emit(format, new JsonArray(network), ["NETWORK", "STATE", "SUBNET"], [row], parsed.Has("--quiet"));
        return 0;
    }
}
