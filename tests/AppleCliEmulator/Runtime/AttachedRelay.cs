using System.Runtime.InteropServices;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.Native;
using AppleCliEmulator.Podman;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// The attached CLI after the start (ProcessIO.swift@1.2.2): copies each FIFO to its own stdout/stderr (a write failure
/// stops reading that stream, lines 101–114, 127–140), exits with the init process's status once the helper recorded it,
/// and keeps SIGPIPE's default disposition (the CLI never ignores it, so a dead reader kills it; only the runtime helper
/// ignores SIGPIPE, RuntimeLinuxHelper+Start.swift@1.2.2:64). SIGTERM, SIGINT, SIGUSR1, SIGUSR2 and SIGWINCH are caught
/// (AsyncSignalHandler sets SIG_IGN and a dispatch source, AsyncSignalHandler.swift@0.40.1) and handed to
/// <c>process.kill(sig)</c> (lines 198–213), which sends the number as an int64 (ClientProcess.swift@1.2.2:80–86) while the
/// API server reads the signal as a string (ContainersHarness.swift@1.2.2:154–175, ContainersService.swift@1.2.2:1161–1166):
/// the kill fails with "missing signal in xpc message", the CLI logs "failed to send signal" and the container never gets
/// it. <c>ACTR_APPLE_EMULATOR_FORWARD_SIGNALS=1</c> forwards them instead (a CLI without that defect).
/// </summary>
internal static class AttachedRelay
{
    /// <summary>The signals ProcessIO.signalSet names (lines 28–34) and their Darwin numbers (what the CLI would log).</summary>
    private static readonly (int Linux, int Darwin)[] Forwarded = [(15, 15), (2, 2), (10, 30), (12, 31), (28, 28)];

    public static int Run(AttachedSession session, ContainerRecord record)
    {
        _ = Posix.Signal(Posix.SigPipe, 0);
        var forward = Environment.GetEnvironmentVariable("ACTR_APPLE_EMULATOR_FORWARD_SIGNALS") == "1";
        var registrations = Forwarded.Select(s => PosixSignalRegistration.Create((PosixSignal)s.Linux, context =>
        {
            context.Cancel = true;
            if (forward)
            {
                PodmanCli.Run("kill", "--signal", s.Linux.ToString(System.Globalization.CultureInfo.InvariantCulture), record.PodmanName);
            }
            else
            {
                Console.Error.Write($"failed to send signal: [\"signal\": {s.Darwin}, \"error\": invalidArgument: \"missing signal in xpc message\"]\n");
            }
        })).ToList();
        try
        {
            var output = new Thread(() => Pump(session.StandardOutput, Console.OpenStandardOutput())) { IsBackground = true };
            var error = new Thread(() => Pump(session.StandardError, Console.OpenStandardError())) { IsBackground = true };
            output.Start();
            error.Start();
            output.Join();
            error.Join();
            if (JsonFile.Read(session.Files.ExitPath)?["exitCode"]?.ToInt32() is { } exitCode)
            {
                return exitCode;
            }

            // The runtime helper died: the wait request fails over XPC (ContainerStart.swift@1.2.2:104–113 rethrows it).
            throw CliFailure.Of(ContainerizationError.Interrupted("XPC connection error: Connection interrupted"));
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    private static void Pump(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            try
            {
                to.Write(buffer, 0, read);
                to.Flush();
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
