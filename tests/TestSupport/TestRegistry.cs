using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// A real image registry for one test or fixture: Debian's <c>docker-registry</c> (distribution 2.8) serving plain HTTP on
/// 127.0.0.1 (a free port unless one is asked for), with storage and configuration of its own in a temporary directory and,
/// when a user name is given, htpasswd (bcrypt) authentication. Disposing it kills the process and deletes the directory,
/// whatever the test's outcome; a registry left by a test process that died is swept by the next <see cref="StartAsync"/>.
/// </summary>
public sealed class TestRegistry : IAsyncDisposable
{
    /// <summary>The executable of Debian's docker-registry package.</summary>
    public const string Executable = "/usr/bin/docker-registry";

    /// <summary>The htpasswd of Debian's apache2-utils package (bcrypt entries for the auth registry).</summary>
    public const string HtpasswdExecutable = "/usr/bin/htpasswd";

    private const string DirectoryPrefix = "actr-test-registry-";
    private readonly Process _process;
    private readonly string _directory;
    private int _disposed;

    private TestRegistry(Process process, string directory, int port, string? username, string? password)
    {
        (_process, _directory, Port, Username, Password) = (process, directory, port, username, password);
    }

    /// <summary>Why a registry cannot run here, or null (<c>eng/install-prereqs.sh</c> installs both packages).</summary>
    public static string? SkipReason =>
        !File.Exists(Executable) ? "docker-registry is not installed (eng/install-prereqs.sh installs it)."
        : !File.Exists(HtpasswdExecutable) ? "htpasswd is not installed (apache2-utils; eng/install-prereqs.sh installs it)."
        : null;

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c> (<c>127.0.0.1</c> on port 80): the registry part of an image reference.</summary>
    public string Address => Port == 80 ? "127.0.0.1" : $"127.0.0.1:{Port}";

    /// <summary>The user name the registry accepts, or null when it asks for none.</summary>
    public string? Username { get; }

    /// <summary>The password of <see cref="Username"/>.</summary>
    public string? Password { get; }

    /// <summary>Whether the process still runs.</summary>
    public bool IsRunning => Volatile.Read(ref _disposed) == 0 && !_process.HasExited;

    /// <summary>The directory holding its configuration and storage (gone after dispose).</summary>
    public string DirectoryPath => _directory;

    /// <summary>A port on 127.0.0.1 that nothing listens on at the moment of the call.</summary>
    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Starts a registry and waits until <c>/v2/</c> answers. With <paramref name="username"/>, it demands that user with
    /// <paramref name="password"/> (htpasswd, bcrypt). Without <paramref name="port"/> it takes a free port (and another when
    /// that one was taken in the meantime).
    /// </summary>
    public static async Task<TestRegistry> StartAsync(string? username = null, string? password = null, int? port = null, CancellationToken cancellationToken = default)
    {
        if (SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        if (username is not null && string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("A registry with a user needs a password.", nameof(password));
        }

        SweepStale();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(username, password, port ?? FreePort(), cancellationToken);
            }
            catch (PortTakenException) when (port is null && attempt < 5)
            {
                // Another process took the free port between FreePort and the registry's listen: try another.
            }
        }
    }

    private static async Task<TestRegistry> StartOnceAsync(string? username, string? password, int port, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        TestRegistry? registry = null;
        try
        {
            var config = new StringBuilder()
                .Append("version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ").Append(Path.Combine(directory, "data"))
                .Append("\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:").Append(port).Append('\n');
            if (username is not null)
            {
                var htpasswd = Path.Combine(directory, "htpasswd");
                await WriteHtpasswdAsync(htpasswd, username, password!, cancellationToken);
                config.Append("auth:\n  htpasswd:\n    realm: actr-test\n    path: ").Append(htpasswd).Append('\n');
            }

            var configPath = Path.Combine(directory, "config.yml");
            await File.WriteAllTextAsync(configPath, config.ToString(), cancellationToken);
            var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add(configPath);

            // docker-registry reads every REGISTRY_* variable as configuration (REGISTRY_AUTH_FILE, which podman users set,
            // would become auth.file and stop it): none reaches it.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
            await File.WriteAllTextAsync(Path.Combine(directory, "owner"), $"{Environment.ProcessId} {process.Id}", cancellationToken);
            registry = new TestRegistry(process, directory, port, username, password);
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await registry.WaitUntilAnsweringAsync(output, cancellationToken);
            return registry;
        }
        catch
        {
            if (registry is null)
            {
                DeleteDirectory(directory);
            }
            else
            {
                await registry.DisposeAsync();
            }

            throw;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>htpasswd -B (bcrypt) -i (password on stdin, never on an argv) -c (create) FILE USER.</summary>
    private static async Task WriteHtpasswdAsync(string path, string username, string password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(HtpasswdExecutable) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-B", "-i", "-c", path, username })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("htpasswd did not start.");
        await process.StandardInput.WriteAsync(password);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"htpasswd failed ({process.ExitCode}): {error.Trim()}");
        }
    }

    private async Task WaitUntilAnsweringAsync(StringBuilder output, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                string text;
                lock (output)
                {
                    text = output.ToString().Trim();
                }

                throw text.Contains("address already in use", StringComparison.Ordinal)
                    ? new PortTakenException(text)
                    : new InvalidOperationException($"docker-registry exited with {_process.ExitCode}: {text}");
            }

            try
            {
                // An auth registry answers 401 until credentials are given: it is up all the same.
                using var response = await client.GetAsync(new Uri($"http://{Address}/v2/"), cancellationToken);
                if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"docker-registry did not answer on {Address} within 30 s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The repositories the registry holds (<c>/v2/_catalog</c>, with the registry's credentials).</summary>
    public async Task<IReadOnlyList<string>> GetCatalogAsync(CancellationToken cancellationToken = default) =>
        await GetListAsync("/v2/_catalog", "repositories", cancellationToken);

    /// <summary>The tags of <paramref name="repository"/> (<c>/v2/NAME/tags/list</c>); empty when it does not exist.</summary>
    public async Task<IReadOnlyList<string>> GetTagsAsync(string repository, CancellationToken cancellationToken = default) =>
        await GetListAsync($"/v2/{repository}/tags/list", "tags", cancellationToken);

    private async Task<IReadOnlyList<string>> GetListAsync(string path, string property, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{Address}{path}"));
        if (Username is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Select(v => v.GetString()!)]
            : [];
    }

    /// <summary>Kills the registry and deletes its configuration and storage.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
        finally
        {
            _process.Dispose();
            DeleteDirectory(_directory);
        }
    }

    /// <summary>Removes the registries (process and directory) of test processes that are gone.</summary>
    private static void SweepStale()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, "owner");
            string[] ids;
            try
            {
                ids = File.ReadAllText(owner).Split(' ');
            }
            catch (IOException)
            {
                continue; // Being created, or not one of ours.
            }

            if (ids.Length != 2 || !int.TryParse(ids[0], out var testProcess) || !int.TryParse(ids[1], out var registryProcess) || IsAlive(testProcess))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(registryProcess);
                if (process.ProcessName.StartsWith("docker-registry", StringComparison.Ordinal))
                {
                    process.Kill();
                    process.WaitForExit(5_000);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone already.
            }

            DeleteDirectory(directory);
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Never mask a test's outcome; the next sweep tries again.
        }
    }

    private sealed class PortTakenException(string message) : Exception(message);
}
