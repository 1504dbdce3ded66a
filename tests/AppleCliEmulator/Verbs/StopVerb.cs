using System.Globalization;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>stop [--all] [--signal S] [--time N] ids…</c> (ContainerStop.swift@1.2.2): the ids (or every container) are stopped in
/// parallel, each printed once stopped; failures are gathered into an AggregateError of "failed to stop container" errors
/// (ContainerClient.swift@1.2.2:181–196). Default timeout 5 s.
/// </summary>
internal static class StopVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a"), OptionSpec.Option("--signal", "signal", "-s"), OptionSpec.Option("--time", "time", "-t")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("stop", Options).Read(args);
        var all = parsed.Has("--all");
        Validate(parsed.Positionals.Count, all, "container IDs");
        var time = parsed.Value("--time") is { } text
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) ? seconds : throw Usage.Failure("stop", $"The value '{text}' is invalid for '-t <time>'")
            : 5;
        ServiceGate.Require(state, all ? XpcErrors.List : new AggregateError([.. parsed.Positionals.Select(_ => XpcErrors.Wrapped("failed to stop container"))]));
        var ids = all ? state.Containers().Select(c => c.Id).ToList() : parsed.Positionals;
        StopAll(state, ids, time, parsed.Value("--signal"));
        return 0;
    }

    /// <summary>ContainerStop.stopContainers (lines 80–105), shared with <c>system stop</c>.</summary>
    public static void StopAll(EmulatorState state, IReadOnlyList<string> ids, int time, string? signal)
    {
        var errors = new List<SwiftError>();
        Parallel.ForEach(ids, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, ids.Count) }, id =>
        {
            try
            {
                ContainerStopper.Stop(state.Container(id), time, signal);
                Console.Out.WriteLine(id);
            }
            catch (CliFailure failure) when (failure.Error is ContainerizationError server)
            {
                lock (errors)
                {
                    errors.Add(ContainerizationError.Internal("failed to stop container", server.OverXpc()));
                }
            }
        });
        if (errors.Count > 0)
        {
            throw CliFailure.Of(new AggregateError(errors));
        }
    }

    /// <summary>The validate() of stop, kill and delete: ids or --all, not both (exit 1: a ContainerizationError, not a ValidationError).</summary>
    public static void Validate(int count, bool all, string what)
    {
        if (count == 0 && !all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("no containers specified and --all not supplied"));
        }

        if (count > 0 && all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument(what == "container ID(s)"
                ? "explicitly supplied container ID(s) conflict with the --all flag"
                : "explicitly supplied container IDs conflict with the --all flag"));
        }
    }
}
