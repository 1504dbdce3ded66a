using System.Globalization;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Runtime;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Containers;

/// <summary>
/// The API server's stop and kill. Stop (ContainersService.swift@1.2.2:605–646) is idempotent for a container without a
/// runtime client, uses the given signal, else the image's stop signal, else SIGTERM (RuntimeService.swift@1.2.2:527–541),
/// waits the timeout and then kills; it returns once the exit was handled (state stopped). Kill of the init process with
/// SIGKILL also waits for the exit (ContainersService.swift@1.2.2:595–600; RuntimeService.swift@1.2.2:600–606).
/// </summary>
internal static class ContainerStopper
{
    /// <summary>ContainersService.stop; throws the server-side error (not yet wrapped by the client).</summary>
    public static void Stop(ContainerRecord record, int timeoutSeconds, string? signal)
    {
        var run = Lookup(record);
        if (run is null || !record.Status().IsRunning)
        {
            return;
        }

        if (record.IsVirtual)
        {
            record.WriteRun(run.Exited(0, SwiftDate.Now()));
            return;
        }

        var name = signal ?? record.Configuration()["stopSignal"]?.GetValue<string>() ?? "SIGTERM";
        var number = SignalNames.TryParse(name) ?? throw CliFailure.Of(ContainerizationError.Unknown($"invalid signal: {name}"));
        using var transition = TransitionJournal.Begin(record.State, "stop", record.Id);
        Signal(record, number);
        if (!WaitForExit(record, run.Token, TimeSpan.FromSeconds(Math.Max(0, timeoutSeconds))))
        {
            Signal(record, 9);
            WaitForExit(record, run.Token, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>ContainersService.kill; throws the server-side error.</summary>
    public static void Kill(ContainerRecord record, string signal)
    {
        var run = Lookup(record);
        if (run is null || !record.Status().IsRunning)
        {
            throw CliFailure.Of(ContainerizationError.InvalidState("no runtime client exists: container is stopped"));
        }

        var number = SignalNames.TryParse(signal) ?? throw CliFailure.Of(ContainerizationError.Unknown($"invalid signal: {signal}"));
        if (record.IsVirtual)
        {
            if (number == 9)
            {
                record.WriteRun(run.Exited(137, SwiftDate.Now()));
            }

            return;
        }

        Signal(record, number);
        if (number == 9)
        {
            WaitForExit(record, run.Token, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Waits until the run with <paramref name="token"/> has been recorded as ended; false on timeout.</summary>
    public static bool WaitForExit(ContainerRecord record, string token, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var run = record.Run();
            if (run is null || run.Token != token || !run.IsRunning || !record.Exists)
            {
                return true;
            }

            if (!run.HelperAlive() && !PodmanCli.IsRunning(record.PodmanName))
            {
                // The helper is gone (killed from outside): handle the exit here, as handleContainerExit would.
                var code = PodmanCli.Run("container", "inspect", "--format", "{{.State.ExitCode}}", record.PodmanName).Output.Trim();
                record.WriteRun(run.Exited(int.TryParse(code, CultureInfo.InvariantCulture, out var exit) ? exit : 137, SwiftDate.Now()));
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }
    }

    private static RunRecord? Lookup(ContainerRecord record) =>
        record.Exists ? record.Run() : throw CliFailure.Of(ContainerizationError.NotFound($"container with ID {record.Id} not found"));

    private static void Signal(ContainerRecord record, int number) =>
        PodmanCli.Run("kill", "--signal", number.ToString(CultureInfo.InvariantCulture), record.PodmanName);
}
