using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FakeAppleCli;

/// <summary><c>logs</c> (merged streams, <c>--follow</c> never ends by itself: ContainerLogs.swift @1.0.0) and <c>exec</c>.</summary>
internal static class Output
{
    public static int Logs(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "-n" }, new Dictionary<string, string> { ["-f"] = "--follow" });
        var id = args.Positionals.Single();
        if (!state.Exists(id))
        {
            // ContainersService.logs @1.0.0 wraps the lookup failure.
            throw FakeFailure.Internal($"failed to open container logs: notFound: \"container with ID {id} not found\"");
        }

        var path = Path.Combine(state.ContainerDirectory(id), "output.log");
        using var log = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log);
        var text = reader.ReadToEnd();
        var lines = text.Split('\n').Select(Strip).ToList();
        if (text.Length > 0)
        {
            // print(str.trimmingCharacters(in: .newlines)).
            Console.WriteLine(string.Join('\n', (Containers.Value(options, "-n") is { } n ? lines.Where(l => l.Length > 0).TakeLast(int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)) : lines)).Trim('\n'));
        }

        Console.Out.Flush();
        if (!options.ContainsKey("--follow"))
        {
            return 0;
        }

        var pending = string.Empty;
        while (true)
        {
            pending += reader.ReadToEnd();
            int newline;
            while ((newline = pending.IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                var line = Strip(pending[..newline]);
                pending = pending[(newline + 1)..];
                if (line.Length > 0)
                {
                    Console.WriteLine(line);
                }
            }

            Console.Out.Flush();
            Thread.Sleep(20);
        }
    }

    public static int Exec(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(
            new HashSet<string> { "--env", "--env-file", "--workdir", "--user" },
            new Dictionary<string, string> { ["-e"] = "--env", ["-w"] = "--workdir", ["--cwd"] = "--workdir", ["-u"] = "--user", ["-i"] = "--interactive", ["-t"] = "--tty" },
            stopAtFirstPositional: true);
        var id = args.Positionals[0];
        if (!state.Exists(id))
        {
            throw FakeFailure.NotFound($"get failed: container {id} not found");
        }

        if (!Lifecycle.IsRunning(state, id))
        {
            // ProcessUtils.ensureRunning @1.0.0.
            throw FakeFailure.InvalidState($"container {id} is not running");
        }

        var configuration = state.Configuration(id);
        var process = configuration["initProcess"]!.AsObject();
        var environment = ContainerConfiguration.Strings(process["environment"]).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        environment.TryAdd("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        foreach (var entry in (options.GetValueOrDefault("--env-file") ?? []).SelectMany(File.ReadAllLines).Concat(options.GetValueOrDefault("--env") ?? []))
        {
            var pair = entry.Split('=', 2);
            if (pair[0].Length > 0 && !pair[0].StartsWith('#'))
            {
                environment[pair[0].Trim()] = pair.Length > 1 ? pair[1] : string.Empty;
            }
        }

        var mapper = new PathMapper(Path.Combine(state.ContainerDirectory(id), "rootfs"), []);
        var user = Containers.Value(options, "--user") is { } u && uint.TryParse(u.Split(':')[0], out var uid)
            ? new System.Text.Json.Nodes.JsonObject { ["id"] = new System.Text.Json.Nodes.JsonObject { ["uid"] = uid, ["gid"] = 0u } }
            : process["user"];
        var start = FakeProcesses.StartInfo([.. args.Positionals.Skip(1).Select(mapper.Map)], environment, state.Marker(id), Containers.Value(options, "--workdir") ?? process["workingDirectory"]?.GetValue<string>(), user);
        start.RedirectStandardInput = !options.ContainsKey("--interactive");
        using var child = Process.Start(start)!;
        if (start.RedirectStandardInput)
        {
            child.StandardInput.Close();
        }

        // handleProcess @1.0.0 forwards SIGTERM and SIGINT to the exec'd process.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Forward(c, child, 15));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Forward(c, child, 2));
        child.WaitForExit();
        return child.ExitCode;
    }

    private static void Forward(PosixSignalContext context, Process child, int signal)
    {
        context.Cancel = true;
        ProcessKiller.Send(child.Id, signal);
    }

    private static string Strip(string line) => line.Length >= 2 && line[1] == ' ' && line[0] is '1' or '2' ? line[2..] : line;
}
