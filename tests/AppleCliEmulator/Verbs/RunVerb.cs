using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>run</c> (ContainerRun.swift@1.2.2:65–181): refuses an existing id ("container with id … already exists"), creates,
/// then starts detached (<c>-d</c>: prints the id) or attached (exits with the init process's status); a failed start
/// deletes the container again. Its progress output is not emulated.
/// </summary>
internal static class RunVerb
{
    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("run", CreateOptions.Run).Read(args, passthroughAfter: 1);
        if (parsed.Positionals.Count == 0)
        {
            throw Usage.Failure("run", "Missing expected argument '<image>'");
        }

        var id = ContainerFactory.Create(state, parsed, "run", checkExisting: true);
        try
        {
            return ContainerStarter.Start(state, id, attach: !parsed.Has("--detach"));
        }
        catch (CliFailure)
        {
            ContainerRemover.Remove(state.Container(id), force: true);
            throw;
        }
    }
}
