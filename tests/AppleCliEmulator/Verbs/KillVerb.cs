using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>kill [--all] [--signal S] ids…</c> (ContainerKill.swift@1.2.2): default KILL, one id after the other, each printed;
/// failures ("failed to kill container", ContainerClient.swift@1.2.2:163–178) gathered into an AggregateError.
/// </summary>
internal static class KillVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a"), OptionSpec.Option("--signal", "signal", "-s")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("kill", Options).Read(args);
        var all = parsed.Has("--all");
        StopVerb.Validate(parsed.Positionals.Count, all, "container IDs");
        ServiceGate.Require(state, all ? XpcErrors.List : new AggregateError([.. parsed.Positionals.Select(_ => XpcErrors.Wrapped("failed to kill container"))]));
        var ids = all ? state.Containers().Where(c => c.Status().IsRunning).Select(c => c.Id).ToList() : parsed.Positionals;
        var signal = parsed.Value("--signal") ?? "KILL";
        var errors = new List<SwiftError>();
        foreach (var id in ids)
        {
            try
            {
                ContainerStopper.Kill(state.Container(id), signal);
                Console.Out.WriteLine(id);
            }
            catch (CliFailure failure) when (failure.Error is ContainerizationError server)
            {
                errors.Add(ContainerizationError.Internal("failed to kill container", server.OverXpc()));
            }
        }

        return errors.Count == 0 ? 0 : throw CliFailure.Of(new AggregateError(errors));
    }
}
