using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Verbs;

/// <summary><c>volume create [--label k=v]… [--opt k=v]… [-s size] name</c> (VolumeCreate.swift@1.2.2:45–61): prints the name.</summary>
internal static class VolumeCreateVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Option("--label", "label"), OptionSpec.Option("--opt", "opt"), OptionSpec.Option("-s", "s")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("volume create", Options).Read(args);
        var name = Positionals.Single(parsed, "volume create", "<name>");
        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var options = LabelParser.KeyValuePairs(parsed.Values("--opt"));
        if (parsed.Value("-s") is { } size)
        {
            options["size"] = size;
        }

        var volume = VolumeStore.Create(state, name, LabelParser.KeyValuePairs(parsed.Values("--label")), options);
        Console.Out.WriteLine(volume["name"]!.GetValue<string>());
        return 0;
    }
}
