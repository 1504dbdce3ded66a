using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AppleCliEmulator.Json;
using AppleCliEmulator.Native;
using AppleCliEmulator.Podman;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// The emulator's runtime helper: one process per running container, like Apple's container-runtime-linux helper
/// (RuntimeService.swift@1.2.2). Started detached in a session of its own with stdio on /dev/null, it does what bootstrap
/// and startProcess do: empties the container log (<c>createLogFile</c> opens it O_TRUNC, lines 158, 1416–1425), refuses
/// host ports below 1024 on a specific address (lines 1004–1014: binding them is EACCES for a non-root API server), starts
/// the podman container, records the start, then relays the container's output through a <see cref="MultiWriter"/> until
/// the container exits and records the exit (code and time) for the state and for an attached CLI.
/// </summary>
internal static class RuntimeHelper
{
    /// <summary>The hidden argv[1] that selects this mode.</summary>
    public const string Mode = "__runtime-helper";

    public static int Run(string[] args)
    {
        // argv: <state root> <container id> <run token> <attach session directory or ->
        var state = EmulatorState.FromRoot(args[0]);
        var record = state.Container(args[1]);
        var token = args[2];
        var session = args[3] == "-" ? null : new AttachSessionFiles(args[3]);
        _ = Posix.SetSid();
        using var ignoreTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => c.Cancel = true);
        using var ignoreInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var ignoreHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);

        FileStream? attachedOut = null;
        FileStream? attachedErr = null;
        var ready = Console.OpenStandardOutput();
        try
        {
            if (session is not null)
            {
                attachedOut = FdStream.Wrap(Posix.OpenOrThrow(session.StandardOutput, Posix.OWrOnly), FileAccess.Write);
                attachedErr = FdStream.Wrap(Posix.OpenOrThrow(session.StandardError, Posix.OWrOnly), FileAccess.Write);
            }

            var configuration = record.Configuration();
            File.WriteAllBytes(record.LogPath, []);
            if (BootstrapError(configuration) is { } refused)
            {
                Report(ready, $"error {refused}");
                return 1;
            }

            var logPath = LogPath(record);
            var offset = File.Exists(logPath) ? new FileInfo(logPath).Length : 0;
            var start = PodmanCli.Run("start", record.PodmanName);
            if (start.ExitCode != 0)
            {
                Report(ready, $"error {StartFailure(start)}");
                return 1;
            }

            var run = RunRecord.Started(token, SwiftDate.Now(), Attachments(record, configuration), Environment.ProcessId);
            record.WriteRun(run);
            Report(ready, "ok");
            DetachStandardStreams();

            var exitCode = Relay(record, logPath, offset, new MultiWriter(attachedOut, attachedErr, OpenLog(record)));
            if (record.Exists && record.Run()?.Token == token)
            {
                record.WriteRun(run.Exited(exitCode, SwiftDate.Now()));
            }

            if (session is not null)
            {
                JsonFile.Write(session.ExitPath, new JsonObject { ["exitCode"] = exitCode });
            }

            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Report(ready, $"error {ex.Message}");
            return 1;
        }
        finally
        {
            attachedOut?.Dispose();
            attachedErr?.Dispose();
            session?.RemoveIfAbandoned();
        }
    }

    /// <summary>Follows the podman log until <c>podman wait</c> reports the exit, then drains what is left.</summary>
    private static int Relay(ContainerRecord record, string logPath, long offset, MultiWriter writer)
    {
        using var wait = PodmanCli.Start(["wait", "--interval", "50ms", record.PodmanName]);
        var waited = wait.StandardOutput.ReadToEndAsync();
        _ = wait.StandardError.ReadToEndAsync();
        using var log = new FileStream(logPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(offset, SeekOrigin.Begin);
        var reader = new CriLogReader(log);
        while (true)
        {
            if (reader.Pump(writer.Write))
            {
                continue;
            }

            if (waited.IsCompleted)
            {
                reader.Pump(writer.Write);
                break;
            }

            Thread.Sleep(10);
        }

        wait.WaitForExit();
        var text = waited.GetAwaiter().GetResult().Trim();
        return int.TryParse(text.Split('\n')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 137;
    }

    /// <summary>
    /// Host ports below 1024 on a specific address: the forwarder's bind fails with EACCES and bootstrap throws
    /// (RuntimeService.swift@1.2.2:1006–1013); ContainerClient.bootstrap wraps it (ContainerClient.swift@1.2.2:146–159).
    /// A wildcard address binds (macOS lets unprivileged processes bind low ports on it, apple/container#1985).
    /// </summary>
    private static string? BootstrapError(JsonObject configuration)
    {
        foreach (var port in configuration["publishedPorts"] as JsonArray ?? [])
        {
            var hostPort = port!["hostPort"]!.ToInt32();
            var address = port["hostAddress"]!.GetValue<string>();
            if (hostPort < 1024 && address is not ("0.0.0.0" or "::"))
            {
                return $"Permission denied while binding to host port {hostPort}. Binding to ports below 1024 requires root privileges.|invalidArgument";
            }
        }

        return null;
    }

    /// <summary>A podman start failure as the bootstrap error it stands for (the text after the cause is podman's).</summary>
    private static string StartFailure(PodmanResult start) =>
        start.Error.Contains("address already in use", StringComparison.Ordinal)
            ? "bind(descriptor:ptr:bytes:): Address already in use (errno: 48)|unknown"
            : $"{start.ErrorMessage}|internalError";

    /// <summary>The status.networks attachment (Attachment.swift@1.2.2): CIDR address, gateway, MAC, MTU from the configuration.</summary>
    private static JsonArray Attachments(ContainerRecord record, JsonObject configuration)
    {
        var networks = new JsonArray();
        var configured = configuration["networks"] as JsonArray ?? [];
        if (configured.Count == 0)
        {
            return networks;
        }

        var inspect = PodmanCli.Run("container", "inspect", "--format", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.IPPrefixLen}} {{.Gateway}} {{.MacAddress}}\n{{end}}", record.PodmanName);
        var fields = inspect.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(' ');
        if (fields is not { Length: 4 } || fields[0].Length == 0)
        {
            return networks;
        }

        var options = configured[0]!["options"]!;
        var attachment = new JsonObject
        {
            ["hostname"] = options["hostname"]!.GetValue<string>(),
            ["ipv4Address"] = $"{fields[0]}/{fields[1]}",
            ["ipv4Gateway"] = fields[2],
            ["mtu"] = options["mtu"]?.ToInt32() ?? 1280,
            ["network"] = configured[0]!["network"]!.GetValue<string>(),
        };
        if (fields[3].Length > 0)
        {
            attachment["macAddress"] = fields[3];
        }

        networks.Add(attachment);
        return networks;
    }

    private static string LogPath(ContainerRecord record)
    {
        var podman = JsonFile.Read(record.PodmanPath) ?? new JsonObject();
        if (podman["logPath"]?.GetValue<string>() is { Length: > 0 } cached)
        {
            return cached;
        }

        var path = PodmanCli.Check("container", "inspect", "--format", "{{.HostConfig.LogConfig.Path}}", record.PodmanName).Trim();
        podman["logPath"] = path;
        JsonFile.Write(record.PodmanPath, podman);
        return path;
    }

    private static FileStream OpenLog(ContainerRecord record) =>
        new(record.LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);

    private static void Report(Stream ready, string line)
    {
        try
        {
            ready.Write(System.Text.Encoding.UTF8.GetBytes(line.Replace('\n', ' ') + "\n"));
            ready.Flush();
        }
        catch (IOException)
        {
            // The CLI that launched this helper is gone; the state records the outcome.
        }
    }

    /// <summary>Puts stdin, stdout and stderr on /dev/null so that no caller's pipe is held open by the helper.</summary>
    private static void DetachStandardStreams()
    {
        var devNull = Posix.Open("/dev/null", Posix.ORdWr);
        if (devNull >= 0)
        {
            _ = Posix.Dup2(devNull, 0);
            _ = Posix.Dup2(devNull, 1);
            _ = Posix.Dup2(devNull, 2);
            _ = Posix.Close(devNull);
        }
    }
}
