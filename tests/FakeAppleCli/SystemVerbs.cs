using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary><c>system status|start|stop</c> (SystemStatus.swift @1.0.0); <c>system stop</c> sets the service-stopped switch.</summary>
internal static class SystemVerbs
{
    public static int Run(FakeState state, string verb, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--format", "--prefix", "-p" });
        var stopped = Path.Combine(state.Root, "service-stopped");
        switch (verb)
        {
            case "system start":
                File.Delete(stopped);
                return 0;
            case "system stop":
                Directory.CreateDirectory(state.Root);
                File.WriteAllText(stopped, "stopped");
                return 0;
        }

        var running = !state.ServiceStopped;
        var status = new JsonObject
        {
            ["apiServerAppName"] = running ? "container-apiserver" : string.Empty,
            ["apiServerBuild"] = running ? "release" : string.Empty,
            ["apiServerCommit"] = running ? "fa4e1c0" : string.Empty,
            ["apiServerVersion"] = running ? $"container-apiserver version {Cli.Version} (build: release, commit: fa4e1c0)" : string.Empty,
            ["appRoot"] = running ? state.Root : string.Empty,
            ["installRoot"] = running ? Path.GetDirectoryName(Environment.ProcessPath) : string.Empty,
            ["status"] = running ? "running" : "not running",
        };
        Console.WriteLine(Containers.Value(options, "--format") == "json" ? status.ToJsonString(FakeState.Compact) : running ? "status running" : "apiserver is not running");
        return running ? 0 : 1;
    }
}
