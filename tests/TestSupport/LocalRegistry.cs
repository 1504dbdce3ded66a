using System.Diagnostics;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// A registry on this machine for pull and push tests: Debian's <c>docker-registry</c> with its own storage and config,
/// listening on 127.0.0.1:80, shared by the tests of one process (reference counted) and stopped, storage removed, when the
/// last user releases it. Port 80 because Apple's CLI talks plain HTTP under <c>--scheme auto</c> only to a domain that is
/// exactly <c>localhost</c> or a private IPv4 address, with no port (RequestScheme.swift@1.2.2:60–96 is given the
/// reference's domain, port included), so <c>localhost/name:tag</c> is the one form that reaches a local registry.
/// </summary>
public static class LocalRegistry
{
    /// <summary>The executable of Debian's docker-registry package.</summary>
    public const string Executable = "/usr/bin/docker-registry";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _users;
    private static Process? _process;
    private static string? _directory;

    /// <summary>Why the registry cannot run here, or null.</summary>
    public static string? SkipReason => File.Exists(Executable) ? null : "docker-registry is not installed (eng/install-prereqs.sh installs it).";

    /// <summary>Starts the registry (or joins the running one); dispose the lease to release it.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_users++ == 0)
            {
                await StartAsync();
            }

            return new Lease();
        }
        catch
        {
            _users--;
            throw;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task StartAsync()
    {
        _directory = Directory.CreateTempSubdirectory("actr-test-registry-").FullName;
        var config = Path.Combine(_directory, "config.yml");
        await File.WriteAllTextAsync(config, $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(_directory, "data")}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:80\n");
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start");
        _ = _process.StandardOutput.ReadToEndAsync();
        var errors = _process.StandardError.ReadToEndAsync();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                var text = await errors;
                Stop();
                throw new InvalidOperationException($"docker-registry exited ({text.Trim()}); is 127.0.0.1:80 taken?");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("http://127.0.0.1/v2/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or SocketException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                Stop();
                throw new TimeoutException("docker-registry did not answer on 127.0.0.1:80 within 30 s.");
            }

            await Task.Delay(50);
        }
    }

    private static void Stop()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
            _process = null;
        }

        if (_directory is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        _directory = null;
    }

    private sealed class Lease : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            await Gate.WaitAsync();
            try
            {
                if (--_users == 0)
                {
                    Stop();
                }
            }
            finally
            {
                Gate.Release();
            }
        }
    }
}
