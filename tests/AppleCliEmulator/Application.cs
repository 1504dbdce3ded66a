using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.State;
using AppleCliEmulator.Verbs;

namespace AppleCliEmulator;

/// <summary>
/// The CLI: dispatches a command line to its verb and ends as Application.swift@1.2.2:102–144 does, printing a
/// failure with <c>exit(withError:)</c> and, when the error's <c>String(describing:)</c> mentions an XPC connection error,
/// re-wrapping it with the <c>container system start</c> hint (lines 136–139).
/// </summary>
internal static class Application
{
    private static readonly Dictionary<string, Func<EmulatorState, string[], int>> Verbs = new(StringComparer.Ordinal)
    {
        ["create"] = CreateVerb.Run,
        ["run"] = RunVerb.Run,
        ["start"] = StartVerb.Run,
        ["stop"] = StopVerb.Run,
        ["kill"] = KillVerb.Run,
        ["delete"] = DeleteVerb.Run,
        ["rm"] = DeleteVerb.Run,
        ["list"] = ListVerb.Run,
        ["ls"] = ListVerb.Run,
        ["inspect"] = InspectVerb.Run,
        ["logs"] = LogsVerb.Run,
        ["exec"] = ExecVerb.Run,
        ["build"] = BuildVerb.Run,
        ["image inspect"] = ImageInspectVerb.Run,
        ["image pull"] = ImagePullVerb.Run,
        ["image push"] = ImagePushVerb.Run,
        ["image delete"] = ImageDeleteVerb.Run,
        ["image rm"] = ImageDeleteVerb.Run,
        ["image tag"] = ImageTagVerb.Run,
        ["image save"] = ImageSaveVerb.Run,
        ["image load"] = ImageLoadVerb.Run,
        ["image list"] = ImageListVerb.Run,
        ["image ls"] = ImageListVerb.Run,
        ["volume create"] = VolumeCreateVerb.Run,
        ["volume delete"] = VolumeDeleteVerb.Run,
        ["volume rm"] = VolumeDeleteVerb.Run,
        ["volume list"] = VolumeListVerb.Run,
        ["volume ls"] = VolumeListVerb.Run,
        ["volume inspect"] = VolumeInspectVerb.Run,
        ["network inspect"] = NetworkVerbs.Inspect,
        ["network list"] = NetworkVerbs.List,
        ["network ls"] = NetworkVerbs.List,
        ["system status"] = SystemStatusVerb.Run,
        ["system start"] = SystemStartVerb.Run,
        ["system stop"] = SystemStopVerb.Run,
        ["registry login"] = RegistryLoginVerb.Run,
        ["registry logout"] = RegistryLogoutVerb.Run,
        ["builder status"] = BuilderVerbs.Status,
        ["builder start"] = BuilderVerbs.Start,
        ["builder stop"] = BuilderVerbs.Stop,
    };

    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["image"] = "image", ["i"] = "image", ["volume"] = "volume", ["v"] = "volume", ["network"] = "network", ["n"] = "network",
        ["system"] = "system", ["s"] = "system", ["builder"] = "builder", ["registry"] = "registry", ["r"] = "registry",
    };

    public static int Run(string[] args)
    {
        try
        {
            return Dispatch(args);
        }
        catch (CliFailure failure)
        {
            return Report(failure);
        }
        catch (Podman.PodmanException ex)
        {
            // A podman failure the emulated runtime would not have: reported as the runtime's internal error.
            return Report(CliFailure.Of(ContainerizationError.Internal(ex.Message)));
        }
    }

    private static int Dispatch(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(HelpText.Root);
            return 0;
        }

        if (args[0] == "--version")
        {
            // CommandConfiguration.version is ReleaseVersion.singleLine(appName: "container CLI") (Application.swift@1.2.2:48),
            // printed by MessageInfo's versionRequested case to stdout.
            Console.Out.WriteLine(ReleaseVersion.SingleLine("container CLI"));
            return 0;
        }

        var state = EmulatorState.Load();
        if (Groups.TryGetValue(args[0], out var group))
        {
            if (args.Length < 2 || args[1] is "--help" or "-h")
            {
                Console.Out.WriteLine(HelpText.Group(group));
                return 0;
            }

            return Verbs.TryGetValue($"{group} {args[1]}", out var subcommand)
                ? subcommand(state, args[2..])
                : throw Usage.Failure(group, $"Unexpected argument '{args[1]}'");
        }

        return Verbs.TryGetValue(args[0], out var verb) ? verb(state, args[1..]) : DefaultCommand.Run(state, args);
    }

    private static int Report(CliFailure failure)
    {
        if (failure.Validation is not null)
        {
            Console.Error.Write($"Error: {failure.Validation}\n{failure.Usage}\n");
            return failure.ExitCode;
        }

        if (failure.Error is not { } error)
        {
            return failure.ExitCode;
        }

        var text = error.Describing.Contains("XPC connection error", StringComparison.Ordinal)
            ? ContainerizationError.Interrupted($"{error.Describing}\n{XpcErrors.Hint}").Described
            : error.Described;
        Console.Error.Write($"Error: {text}\n");
        return 1;
    }
}
