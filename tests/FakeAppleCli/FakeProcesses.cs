using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary>Host processes standing in for container processes: the container's environment, its marker, its user.</summary>
internal static class FakeProcesses
{
    public static ProcessStartInfo StartInfo(List<string> command, IReadOnlyDictionary<string, string> environment, string marker, string? workingDirectory, JsonNode? user)
    {
        var argv = new List<string>(command);
        if (user?["id"]?["uid"]?.GetValue<uint>() is { } uid and not 0 && OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/setpriv"))
        {
            // A uid other than root: as the runtime would run it (only possible for a root test process on Linux).
            var gid = user["id"]?["gid"]?.GetValue<uint>() ?? 0;
            argv.InsertRange(0, ["/usr/bin/setpriv", $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--"]);
        }

        var start = new ProcessStartInfo(argv[0]) { UseShellExecute = false };
        foreach (var argument in argv.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment[FakeState.MarkerVariable] = marker;
        start.WorkingDirectory = workingDirectory is not null && Directory.Exists(workingDirectory) ? workingDirectory : "/";
        return start;
    }
}
