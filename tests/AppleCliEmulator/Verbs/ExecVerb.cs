using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Native;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>exec [-i] [-t] [-d] [-e k=v] [--env-file f] [-w dir] [-u user] id cmd…</c> (ContainerExec.swift@1.2.2:46–118): the
/// container must exist (<c>get failed: container … not found</c>) and run (<c>container … is not running</c>,
/// ProcessUtils.swift@1.2.2:25–29); the process is the init process's configuration with the new executable, arguments,
/// the env files' and <c>--env</c> entries appended (parsed like <c>create</c>'s), working directory and user. The CLI exits
/// with the process's status. Signals: as <see cref="Runtime.AttachedRelay"/> (the forward fails), and three SIGINT/SIGTERM
/// end the CLI with 1 after "Received 3 SIGINT/SIGTERM's, forcefully exiting." (SignalThreshold, lines 101–108).
/// </summary>
internal static class ExecVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--env", "env", "-e"), OptionSpec.Option("--env-file", "env-file"), OptionSpec.Option("--gid", "gid"),
        OptionSpec.Flag("--interactive", "-i"), OptionSpec.Flag("--tty", "-t"), OptionSpec.Option("--user", "user", "-u"),
        OptionSpec.Option("--uid", "uid"), OptionSpec.Option("--workdir", "dir", "-w", "--cwd"), OptionSpec.Option("--ulimit", "limit"),
        OptionSpec.Flag("--detach", "-d"),
    ];

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("exec", Options).Read(args, passthroughAfter: 1);
        if (parsed.Positionals.Count == 0)
        {
            throw Usage.Failure("exec", "Missing expected argument '<container-id>'");
        }

        if (parsed.Positionals.Count == 1)
        {
            throw Usage.Failure("exec", "Missing expected argument '<arguments> ...'");
        }

        var id = parsed.Positionals[0];
        ServiceGate.RequireList(state);
        var record = state.Container(id);
        if (!record.Exists)
        {
            throw CliFailure.Of(ContainerizationError.NotFound($"get failed: container {id} not found"));
        }

        if (!record.Status().IsRunning)
        {
            throw CliFailure.Of(ContainerizationError.InvalidState($"container {id} is not running"));
        }

        var process = record.Configuration()["initProcess"]!.AsObject();
        var environment = (process["environment"] as JsonArray ?? []).Select(e => e!.GetValue<string>())
            .Concat(EnvironmentParser.AllEnvironment([], parsed.Values("--env-file"), parsed.Values("--env")))
            .ToList();
        var uid = parsed.Value("--uid") is { } u ? uint.Parse(u, System.Globalization.CultureInfo.InvariantCulture) : (uint?)null;
        var gid = parsed.Value("--gid") is { } g ? uint.Parse(g, System.Globalization.CultureInfo.InvariantCulture) : (uint?)null;
        var (user, _) = UserParser.Parse(parsed.Value("--user"), uid, gid, process["user"]!.AsObject());
        using var envFile = SecretFile.Create(state, environment);
        var arguments = new List<string> { "exec", "--env-file", envFile.Path, "--workdir", parsed.Value("--workdir") ?? process["workingDirectory"]!.GetValue<string>(), "--user", UserParser.ToPodman(user) };
        if (parsed.Has("--interactive"))
        {
            arguments.Add("--interactive");
        }

        if (parsed.Has("--tty"))
        {
            arguments.Add("--tty");
        }

        if (parsed.Has("--detach"))
        {
            arguments.Add("--detach");
        }

        arguments.Add(record.PodmanName);
        arguments.AddRange(parsed.Positionals.Skip(1));
        if (parsed.Has("--detach"))
        {
            PodmanCli.Check(arguments);
            Console.Out.WriteLine(id);
            return 0;
        }

        return RunAttached(arguments, parsed.Has("--interactive"));
    }

    private static int RunAttached(List<string> arguments, bool interactive)
    {
        _ = Posix.Signal(Posix.SigPipe, 0);
        using var child = PodmanCli.Start(arguments, redirectInput: !interactive);
        if (!interactive)
        {
            child.StandardInput.Close();
        }

        var received = 0;
        var forward = Environment.GetEnvironmentVariable("ACTR_APPLE_EMULATOR_FORWARD_SIGNALS") == "1";
        var registrations = new[] { (15, 15), (2, 2), (10, 30), (12, 31), (28, 28) }.Select(s => PosixSignalRegistration.Create((PosixSignal)s.Item1, context =>
        {
            context.Cancel = true;
            if (forward)
            {
                _ = Posix.Kill(child.Id, s.Item1);
            }
            else
            {
                Console.Error.Write($"failed to send signal: [\"signal\": {s.Item2}, \"error\": invalidArgument: \"missing signal in xpc message\"]\n");
            }

            if (s.Item1 is 15 or 2 && Interlocked.Increment(ref received) == 3)
            {
                Console.Error.Write("Received 3 SIGINT/SIGTERM's, forcefully exiting.\n");
                _ = Posix.Kill(child.Id, 9);
                Environment.Exit(1);
            }
        })).ToList();
        try
        {
            var output = Task.Run(() => child.StandardOutput.BaseStream.CopyTo(Console.OpenStandardOutput()));
            var error = Task.Run(() => child.StandardError.BaseStream.CopyTo(Console.OpenStandardError()));
            child.WaitForExit();
            Task.WaitAll(output, error);
            return child.ExitCode;
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
