using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>image delete [--all] [--force] refs…</c> (ImageDelete.swift@1.2.2:50–90): each found reference is deleted and printed;
/// missing ones (unless <c>--force</c>) and failures end the call with <c>failed to delete one or more images: [...]</c>.
/// Deleting a name removes that tag only; an image a container still uses is untagged and kept for it.
/// </summary>
internal static class ImageDeleteVerb
{
    private static readonly OptionSpec[] Options = [OptionSpec.Flag("--all", "-a"), OptionSpec.Flag("--force", "-f")];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("image delete", Options).Read(args);
        var all = parsed.Has("--all");
        if (parsed.Positionals.Count == 0 && !all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("no images specified and --all not supplied"));
        }

        if (parsed.Positionals.Count > 0 && all)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("explicitly supplied images conflict with the --all flag"));
        }

        ServiceGate.RequireHealth(state);
        var (found, missing) = all ? (ImageStore.List().ToDictionary(i => i.Reference, StringComparer.Ordinal), []) : ImageStore.Find(parsed.Positionals);
        var failures = parsed.Has("--force") ? [] : new List<string>(missing);
        foreach (var image in found.Values)
        {
            var removed = PodmanCli.Run("rmi", image.Reference);
            if (removed.ExitCode != 0 && PodmanCli.Run("untag", image.Reference, image.Reference).ExitCode != 0)
            {
                Console.Error.Write($"failed to delete {image.Reference}: {removed.ErrorMessage}\n");
                failures.Add(image.Reference);
                continue;
            }

            Console.Out.WriteLine(image.Reference);
        }

        if (failures.Count > 0)
        {
            throw CliFailure.Of(ContainerizationError.Internal($"failed to delete one or more images: [{string.Join(", ", failures.Select(f => $"\"{f}\""))}]"));
        }

        return 0;
    }
}
