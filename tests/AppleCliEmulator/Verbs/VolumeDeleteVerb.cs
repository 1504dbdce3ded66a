using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>volume delete [--all] names…</c> (VolumeDelete.swift@1.2.2:54–114): a name that is not listed fails the whole call up
/// front with <c>failed to delete one or more volumes: ["x"]</c> (line 77); a volume that cannot be deleted is logged
/// (<c>failed to delete volume</c> with id and error) and the call then fails with <c>delete failed for one or more
/// volumes: [...]</c>.
/// </summary>
internal static class VolumeDeleteVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("volume delete", Options).Read(args);
        var all = parsed.Has("--all");
        if (parsed.Positionals.Count == 0 && !all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("no volumes specified and --all not supplied"));
        }

        if (parsed.Positionals.Count > 0 && all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("explicitly supplied volume name(s) conflict with the --all flag"));
        }

        ServiceGate.Require(state, XpcErrors.ConnectionInvalid);
        var existing = VolumeStore.List(state).Select(v => v["name"]!.GetValue<string>()).ToList();
        var names = all ? existing : parsed.Positionals.Distinct(StringComparer.Ordinal).ToList();
        var missing = names.Where(n => !existing.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            throw CliFailure.Of(ContainerizationError.NotFound($"failed to delete one or more volumes: [{string.Join(", ", missing.Select(m => $"\"{m}\""))}]"));
        }

        var failed = new List<string>();
        foreach (var name in names)
        {
            try
            {
                VolumeStore.Delete(state, name);
                Console.Out.WriteLine(name);
            }
            catch (CliFailure failure) when (failure.Error is { } error)
            {
                Console.Error.Write($"failed to delete volume: [\"id\": {name}, \"error\": {error.Describing}]\n");
                failed.Add(name);
            }
        }

        return failed.Count == 0
            ? 0
            : throw CliFailure.Of(ContainerizationError.Internal($"delete failed for one or more volumes: [{string.Join(", ", failed.Select(f => $"\"{f}\""))}]"));
    }
}
