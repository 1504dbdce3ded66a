using System.Globalization;
using System.Runtime.InteropServices;

namespace FakeAppleCli;

/// <summary>
/// <c>start --attach</c> after the container started: relays its stdout and stderr, forwards SIGTERM and SIGINT to it
/// (ProcessIO.handleProcess @1.0.0), and exits with its exit code once it ended.
/// </summary>
internal sealed class AttachedObserver(FakeState state, string id, long offset)
{
    public int Run()
    {
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
        var directory = state.ContainerDirectory(id);
        var exitPath = Path.Combine(directory, "exit");
        using var log = new FileStream(Path.Combine(directory, "output.log"), FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        var stdout = Console.Out;
        var stderr = Console.Error;
        var pending = string.Empty;
        while (true)
        {
            var ended = File.Exists(exitPath) || !state.Exists(id);
            var chunk = reader.ReadToEnd();
            pending += chunk;
            int newline;
            while ((newline = pending.IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                var line = pending[..newline];
                pending = pending[(newline + 1)..];
                (line.StartsWith("2 ", StringComparison.Ordinal) ? stderr : stdout).WriteLine(line.Length >= 2 ? line[2..] : line);
            }

            stdout.Flush();
            stderr.Flush();
            if (ended && chunk.Length == 0)
            {
                return File.Exists(exitPath) && int.TryParse(File.ReadAllText(exitPath), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 1;
            }

            Thread.Sleep(ended ? 0 : 20);
        }
    }

    private void Forward(PosixSignalContext context)
    {
        context.Cancel = true;
        if (state.Exists(id) && state.Status(id)["pid"] is { } pid)
        {
            ProcessKiller.Send(pid.GetValue<int>(), context.Signal == PosixSignal.SIGINT ? 2 : 15);
        }
    }
}
