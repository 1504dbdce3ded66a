using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary><c>start [--attach] [--interactive] &lt;id&gt;</c> (ContainerStart.swift@1.2.2). <c>-i</c> attaches too; stdin is not relayed.</summary>
internal static class StartVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--attach", "-a"), OptionSpec.Flag("--interactive", "-i")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("start", Options).Read(args);
        var id = Positionals.Single(parsed, "start", "<container-id>");
        return ContainerStarter.Start(state, id, attach: parsed.Has("--attach") || parsed.Has("--interactive"));
    }
}
