namespace FakeAppleCli;

/// <summary>Dispatches a command line to its verb, after the checks Apple's CLI makes before any verb runs.</summary>
internal static class Cli
{
    public const string Version = "1.0.0";

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            throw FakeFailure.InvalidArgument("a subcommand is required");
        }

        if (args[0] == "--version")
        {
            // ReleaseVersion.singleLine(appName: "container CLI") @1.0.0.
            Console.WriteLine($"container CLI version {Version} (build: release, commit: fa4e1c0)");
            return 0;
        }

        var state = FakeState.FromEnvironment();
        if (args[0] is "__launch" or "__supervise")
        {
            return args[0] == "__launch" ? Lifecycle.Launch(state, args[1]) : new Supervisor(state, args[1]).Run();
        }

        var verb = args[0] is "image" or "volume" or "network" or "system" or "builder" && args.Length > 1 ? $"{args[0]} {args[1]}" : args[0];
        var rest = new FakeArgs(args.Skip(verb.Contains(' ') ? 2 : 1).ToArray());
        if (verb is not ("system status" or "system start") && state.ServiceStopped)
        {
            // XPCClient.swift + Application.swift @1.0.0.
            throw new FakeFailure("interrupted", "interrupted: \"XPC connection error: Connection invalid\"\nEnsure container system service has been started with `container system start`.");
        }

        return verb switch
        {
            "create" => Containers.Create(state, rest),
            "run" => Containers.Run(state, rest),
            "list" or "ls" => Containers.List(state, rest),
            "inspect" => Containers.Inspect(state, rest),
            "delete" or "rm" => Containers.Delete(state, rest),
            "start" => Lifecycle.Start(state, rest),
            "stop" => Lifecycle.Stop(state, rest),
            "kill" => Lifecycle.Kill(state, rest),
            "logs" => Output.Logs(state, rest),
            "exec" => Output.Exec(state, rest),
            "build" => Images.Build(state, rest),
            "builder status" or "builder start" or "builder stop" => Images.Builder(state, verb, rest),
            "image inspect" or "image pull" or "image delete" or "image rm" or "image list" or "image ls" or "image tag" => Images.Image(state, verb, rest),
            "volume create" or "volume delete" or "volume rm" or "volume list" or "volume ls" or "volume inspect" => Volumes.Run(state, verb, rest),
            "network inspect" or "network list" or "network ls" => Volumes.Network(state, verb, rest),
            "system status" or "system start" or "system stop" => SystemVerbs.Run(state, verb, rest),
            _ => throw FakeFailure.InvalidArgument($"unknown command '{string.Join(' ', args.Take(2))}'"),
        };
    }
}
