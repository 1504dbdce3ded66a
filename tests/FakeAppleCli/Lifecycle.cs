using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary>
/// <c>start</c>, <c>stop</c>, <c>kill</c>. A running container is a supervisor process (<see cref="Supervisor"/>) started
/// through a short-lived launcher, so it is never a descendant of the CLI that started it: killing an attached
/// <c>start --attach</c> observer leaves it running, as the real runtime does.
/// </summary>
internal static class Lifecycle
{
    public static int Start(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string>(), new Dictionary<string, string> { ["-a"] = "--attach", ["-i"] = "--interactive" });
        var id = args.Positionals.Single();
        return StartContainer(state, id, options.ContainsKey("--attach"));
    }

    public static int StartContainer(FakeState state, string id, bool attach)
    {
        if (!state.Exists(id))
        {
            // ContainerClient.get @1.0.0.
            throw FakeFailure.NotFound($"get failed: container {id} not found");
        }

        if (IsRunning(state, id))
        {
            if (attach)
            {
                throw FakeFailure.InvalidArgument("attach is currently unsupported on already running containers");
            }

            Console.WriteLine(id);
            return 0;
        }

        var directory = state.ContainerDirectory(id);
        File.Delete(Path.Combine(directory, "exit"));
        var logOffset = File.Exists(Path.Combine(directory, "output.log")) ? new FileInfo(Path.Combine(directory, "output.log")).Length : 0;
        using (var launcher = Process.Start(SelfStart(state, "__launch", id))!)
        {
            launcher.WaitForExit();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!IsRunning(state, id) && !File.Exists(Path.Combine(directory, "exit")))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw FakeFailure.Internal($"failed to start container: {id} did not boot");
            }

            Thread.Sleep(10);
        }

        if (!attach)
        {
            Console.WriteLine(id);
            return 0;
        }

        return new AttachedObserver(state, id, logOffset).Run();
    }

    public static int Stop(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--signal", "--time" }, new Dictionary<string, string> { ["-s"] = "--signal", ["-t"] = "--time", ["-a"] = "--all" });
        var time = int.Parse(Containers.Value(options, "--time") ?? "5", CultureInfo.InvariantCulture);
        var ids = options.ContainsKey("--all") ? state.ContainerIds().ToList() : args.Positionals;
        foreach (var id in ids)
        {
            if (!state.Exists(id))
            {
                throw FakeFailure.NotFound($"container with ID {id} not found");
            }

            if (IsRunning(state, id))
            {
                var signal = Containers.Value(options, "--signal") ?? "TERM";
                Signal(state, id, signal);
                var deadline = DateTime.UtcNow.AddSeconds(time);
                while (IsRunning(state, id) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                }

                if (IsRunning(state, id))
                {
                    KillContainer(state, id);
                }
            }

            Console.WriteLine(id);
        }

        return 0;
    }

    public static int Kill(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--signal" }, new Dictionary<string, string> { ["-s"] = "--signal" });
        foreach (var id in args.Positionals)
        {
            if (!state.Exists(id))
            {
                throw FakeFailure.NotFound($"container with ID {id} not found");
            }

            if (!IsRunning(state, id))
            {
                // ContainersService.getClient @1.0.0.
                throw FakeFailure.InvalidState("no runtime client exists: container is stopped");
            }

            var signal = Containers.Value(options, "--signal") ?? "KILL";
            if (signal.TrimStart('S', 'I', 'G') is "KILL" or "9")
            {
                KillContainer(state, id);
            }
            else
            {
                Signal(state, id, signal);
            }

            Console.WriteLine(id);
        }

        return 0;
    }

    /// <summary>The launcher: starts the supervisor in the background and exits, so the supervisor is re-parented.</summary>
    public static int Launch(FakeState state, string id)
    {
        var start = SelfStart(state, "__supervise", id);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var supervisor = Process.Start(start)!;
        return 0;
    }

    /// <summary>SIGKILL for the whole container: every process carrying its marker; the exit is recorded as 137.</summary>
    public static void KillContainer(FakeState state, string id)
    {
        ProcessKiller.KillMarked(state.Marker(id));
        var exit = Path.Combine(state.ContainerDirectory(id), "exit");
        if (!File.Exists(exit))
        {
            File.WriteAllText(exit, "137");
        }
    }

    public static bool IsRunning(FakeState state, string id)
    {
        var directory = state.ContainerDirectory(id);
        if (File.Exists(Path.Combine(directory, "exit")) || !File.Exists(Path.Combine(directory, "status.json")))
        {
            return false;
        }

        return state.Status(id)["pid"] is { } pid && ProcessKiller.IsAlive(pid.GetValue<int>());
    }

    private static void Signal(FakeState state, string id, string signal)
    {
        if (state.Status(id)["pid"] is { } pid)
        {
            ProcessKiller.Send(pid.GetValue<int>(), ProcessKiller.SignalNumber(signal));
        }
    }

    private static ProcessStartInfo SelfStart(FakeState state, string verb, string id)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(id);
        start.ArgumentList.Add(state.Root);
        start.Environment[FakeState.StateVariable] = state.Root;
        start.Environment[FakeState.MarkerVariable] = verb == "__supervise" ? state.Marker(id) : null;
        return start;
    }
}
