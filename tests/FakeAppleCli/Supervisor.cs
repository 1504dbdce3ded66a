using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary>
/// A fake container's init process, on the host. The test service image (entrypoint <c>/service</c>) is emulated as
/// CONTRIBUTING.md describes it (its HTTP server listens on the published 127.0.0.1 host port); any other image runs its
/// command as a host process. Output goes to <c>output.log</c> (tagged per stream), the exit code to <c>exit</c>.
/// </summary>
internal sealed class Supervisor(FakeState state, string id)
{
    private readonly object _logLock = new();
    private readonly CancellationTokenSource _terminated = new();
    private StreamWriter? _log;
    private Process? _child;
    private bool _ignoreSigterm;

    public int Run()
    {
        var directory = state.ContainerDirectory(id);
        var configuration = state.Configuration(id);
        var process = configuration["initProcess"]!.AsObject();
        var environment = ContainerConfiguration.Strings(process["environment"]).Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        environment.TryAdd("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment["HOSTNAME"] = id;
        var mapper = Mapper(directory, configuration);
        var command = new List<string> { process["executable"]!.GetValue<string>() };
        command.AddRange(ContainerConfiguration.Strings(process["arguments"]));
        _log = new StreamWriter(new FileStream(Path.Combine(directory, "output.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        MarkRunning(configuration);
        int code;
        try
        {
            code = command[0] == "/service"
                ? RunService(command.Skip(1).ToList(), environment, configuration, mapper, process)
                : RunChild(command, environment, mapper, process);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException)
        {
            Write(2, ex.Message);
            code = 127;
        }

        File.WriteAllText(Path.Combine(directory, "exit"), code.ToString(CultureInfo.InvariantCulture));
        return code;
    }

    private int RunService(List<string> arguments, Dictionary<string, string> environment, JsonObject configuration, PathMapper mapper, JsonObject process)
    {
        Write(1, "ACTR-SERVICE-STARTED");
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Write(1, $"ENV {name}={value}");
        }

        Write(2, "ACTR-SERVICE-STDERR");
        if (int.TryParse(environment.GetValueOrDefault("PRINT_LINES"), out var lines))
        {
            for (var i = 1; i <= lines; i++)
            {
                Write(1, $"line {i}");
            }
        }

        if (environment.GetValueOrDefault("EXIT_CODE") is { Length: > 0 } exitCode)
        {
            return int.Parse(exitCode, CultureInfo.InvariantCulture);
        }

        _ignoreSigterm = environment.GetValueOrDefault("IGNORE_SIGTERM") == "1";
        if (arguments.Count > 0)
        {
            return RunChild(arguments, environment, mapper, process);
        }

        var port = int.Parse(environment.GetValueOrDefault("PORT") ?? "8080", CultureInfo.InvariantCulture);
        return Serve(configuration, port, environment);
    }

    private int RunChild(List<string> command, Dictionary<string, string> environment, PathMapper mapper, JsonObject process)
    {
        var start = FakeProcesses.StartInfo(command.Select(mapper.Map).ToList(), environment, state.Marker(id), process["workingDirectory"]?.GetValue<string>(), process["user"]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        _child = Process.Start(start)!;
        _child.StandardInput.Close();
        var pumps = Task.WhenAll(Pump(_child.StandardOutput, 1), Pump(_child.StandardError, 2));
        _child.WaitForExit();
        pumps.Wait(TimeSpan.FromSeconds(5));
        if (_terminated.IsCancellationRequested && !_ignoreSigterm && command.Count > 0)
        {
            return 0; // The service's trap: SIGTERM prints its line, kills the child and exits 0.
        }

        return _child.ExitCode;
    }

    private int Serve(JsonObject configuration, int port, Dictionary<string, string> environment)
    {
        var published = configuration["publishedPorts"]!.AsArray().FirstOrDefault(p => p!["containerPort"]!.GetValue<int>() == port);
        if (published is null)
        {
            _terminated.Token.WaitHandle.WaitOne();
            return 0;
        }

        var listener = new TcpListener(IPAddress.Parse(published["hostAddress"]!.GetValue<string>()), published["hostPort"]!.GetValue<int>());
        listener.Start();
        using var registration = _terminated.Token.Register(listener.Stop);
        while (!_terminated.IsCancellationRequested)
        {
            try
            {
                var client = listener.AcceptTcpClient();
                _ = Task.Run(() => Answer(client, environment));
            }
            catch (SocketException)
            {
                break;
            }
        }

        return 0;
    }

    private static void Answer(TcpClient client, Dictionary<string, string> environment)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new StreamReader(stream, Encoding.ASCII).ReadLine() ?? string.Empty;
            var path = request.Split(' ').ElementAtOrDefault(1) ?? "/";
            var body = path.StartsWith("/cgi-bin/env", StringComparison.Ordinal)
                ? string.Concat(environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}\n"))
                : "actr-test-service\n";
            var bytes = Encoding.UTF8.GetBytes($"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");
            stream.Write(bytes);
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_ignoreSigterm && context.Signal == PosixSignal.SIGTERM)
        {
            Write(1, "ACTR-SERVICE-IGNORING-SIGTERM");
            return;
        }

        Write(1, "ACTR-SERVICE-SIGTERM");
        _terminated.Cancel();
        try
        {
            _child?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void MarkRunning(JsonObject configuration)
    {
        var network = configuration["networks"]![0]!["network"]!.GetValue<string>();
        state.WriteStatus(id, new JsonObject
        {
            ["networks"] = new JsonArray(new JsonObject
            {
                ["hostname"] = id,
                ["ipv4Address"] = $"{Containers.Ip(id)}/24",
                ["ipv4Gateway"] = "192.168.64.1",
                ["network"] = network,
            }),
            ["pid"] = Environment.ProcessId,
            ["startedDate"] = FakeState.Now(),
        });
    }

    private PathMapper Mapper(string directory, JsonObject configuration)
    {
        var mounts = configuration["mounts"]!.AsArray().Select(m => (
            Target: m!["destination"]!.GetValue<string>(),
            Source: m["type"]!.AsObject().ContainsKey("tmpfs") ? Path.Combine(directory, "tmpfs" + m["destination"]!.GetValue<string>()) : m["source"]!.GetValue<string>())).ToList();
        foreach (var (_, source) in mounts)
        {
            Directory.CreateDirectory(source);
        }

        var root = Path.Combine(directory, "rootfs");
        Images.CopyRootfs(state, configuration["image"]!["reference"]!.GetValue<string>(), root);
        return new PathMapper(root, mounts);
    }

    private async Task Pump(StreamReader reader, int stream)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            Write(stream, line);
        }
    }

    private void Write(int stream, string line)
    {
        lock (_logLock)
        {
            _log!.Write($"{stream} {line}\n");
        }
    }
}
