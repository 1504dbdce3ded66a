using System.Globalization;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>system stop</c> (SystemStop.swift@1.2.2:44–107): if the API server answers, every container is stopped with a 5 s
/// timeout (ContainerStop.stopContainers, printing each id), up to 20 s are given for them to exit, and the services are
/// deregistered; from then on every verb fails with the XPC connection error. It logs through swift-log's StreamLogHandler
/// on stdout (<c>&lt;time&gt; info com.apple.container.cli : [meta] [ContainerCommands] message</c>; swift-log is not
/// mirrored, so that line format is an approximation).
/// </summary>
internal static class SystemStopVerb
{
    private const int StopTimeoutSeconds = 5;

    public static int Run(EmulatorState state, string[] args)
    {
        _ = new ArgumentReader("system stop", [OptionSpec.Option("--prefix", "prefix", "-p")]).Read(args);
        Log("checking if APIServer is alive");
        if (!state.ServiceRunning)
        {
            Log("APIServer health check failed, skipping bootout");
            return 0;
        }

        Log("stopping containers", $"stopTimeoutSeconds={StopTimeoutSeconds}");
        try
        {
            StopVerb.StopAll(state, [.. state.Containers().Select(c => c.Id)], StopTimeoutSeconds, signal: null);
        }
        catch (CliFailure failure) when (failure.Error is { } error)
        {
            Log("failed to stop all containers", $"error={error.Describing}", "warning");
        }

        Log("waiting for containers to exit");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (state.Containers().Any(c => c.Status().IsRunning) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Log("stopping service", "label=gui/0/com.apple.container.apiserver");
        File.WriteAllText(state.ServiceStoppedMarker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return 0;
    }

    private static void Log(string message, string? metadata = null, string level = "info")
    {
        var now = DateTimeOffset.Now;
        var offset = now.Offset;
        var timestamp = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-dd'T'HH:mm:ss}{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
        Console.Out.Write($"{timestamp} {level} com.apple.container.cli :{(metadata is null ? string.Empty : $" {metadata}")} [ContainerCommands] {message}\n");
    }
}
