using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>delete [--all] [--force] ids…</c> (ContainerDelete.swift@1.2.2): unique ids deleted in parallel, each printed;
/// <c>--all</c> skips running containers unless forced; failures ("failed to delete container", ContainerClient.swift@1.2.2:
/// 199–212) gathered into an AggregateError.
/// </summary>
internal static class DeleteVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a"), OptionSpec.Flag("--force", "-f")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("delete", Options).Read(args);
        var all = parsed.Has("--all");
        var force = parsed.Has("--force");
        StopVerb.Validate(parsed.Positionals.Count, all, "container ID(s)");
        var ids = all ? [] : parsed.Positionals.Distinct(StringComparer.Ordinal).ToList();
        ServiceGate.Require(state, all ? XpcErrors.List : new AggregateError([.. ids.Select(_ => XpcErrors.Wrapped("failed to delete container"))]));
        if (all)
        {
            ids = [.. state.Containers().Where(c => force || !c.Status().IsRunning).Select(c => c.Id)];
        }

        var errors = new List<SwiftError>();
        Parallel.ForEach(ids, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, ids.Count) }, id =>
        {
            try
            {
                ContainerRemover.Remove(state.Container(id), force);
                Console.Out.WriteLine(id);
            }
            catch (CliFailure failure) when (failure.Error is ContainerizationError server)
            {
                lock (errors)
                {
                    errors.Add(ContainerizationError.Internal("failed to delete container", server.OverXpc()));
                }
            }
        });
        return errors.Count == 0 ? 0 : throw CliFailure.Of(new AggregateError(errors));
    }
}
