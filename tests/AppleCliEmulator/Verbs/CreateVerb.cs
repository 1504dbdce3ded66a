using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary><c>create [options] &lt;image&gt; [arguments…]</c>: prints the id (ContainerCreate.swift@1.2.2:58–114).</summary>
internal static class CreateVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("create", CreateOptions.Create).Read(args, passthroughAfter: 1);
        if (parsed.Positionals.Count == 0)
        {
            throw Usage.Failure("create", "Missing expected argument '<image>'");
        }

        Console.Out.WriteLine(ContainerFactory.Create(state, parsed, "create", checkExisting: false));
        return 0;
    }
}
