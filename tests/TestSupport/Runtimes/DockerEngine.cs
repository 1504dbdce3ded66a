using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// The docker daemon the docker tier uses. The test command (eng/test.sh) exports DOCKER_HOST when it starts a daemon
/// of its own; a test run started some other way finds that daemon's socket here too, so that a developer who ran
/// <c>eng/docker-daemon.sh start</c> once needs nothing more.
/// </summary>
public static class DockerEngine
{
    /// <summary>The socket eng/docker-daemon.sh gives the daemon it starts.</summary>
    public const string ProjectSocket = "/run/aspire-applecontainer-docker/docker.sock";

    private static readonly Lazy<(IReadOnlyDictionary<string, string?> Environment, string? SkipReason)> Probe = new(ProbeOnce);

    /// <summary>
    /// The docker CLI the tier runs, when eng/docker-daemon.sh chose one other than PATH's (<c>ACTR_DOCKER_CLI</c>: one that
    /// builds with BuildKit, which a build with secrets needs); else null, for the CLI on PATH.
    /// </summary>
    public static string? CliPath => Environment.GetEnvironmentVariable("ACTR_DOCKER_CLI") is { Length: > 0 } cli && File.Exists(cli) ? cli : null;

    /// <summary>What a docker CLI needs in its environment to reach the daemon (DOCKER_HOST, or nothing).</summary>
    public static IReadOnlyDictionary<string, string?> CliEnvironment => Probe.Value.Environment;

    /// <summary>Why the docker tier skips (no engine installed), or null when it runs.</summary>
    public static string? SkipReason => Probe.Value.SkipReason;

    private static (IReadOnlyDictionary<string, string?>, string?) ProbeOnce()
    {
        var none = new Dictionary<string, string?>();
        if (Find("docker") is null)
        {
            return (none, "docker is not installed (eng/install-prereqs.sh installs it).");
        }

        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || Answers(host: null))
        {
            return (none, null);
        }

        if (File.Exists(ProjectSocket) && Answers($"unix://{ProjectSocket}"))
        {
            return (new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{ProjectSocket}" }, null);
        }

        // An engine that is installed but not running fails the tests (with docker's own message) rather than skipping.
        return Find("dockerd") is null
            ? (none, "docker's engine is not installed and no docker daemon answers (eng/install-prereqs.sh installs it).")
            : (none, null);
    }

    private static bool Answers(string? host)
    {
        var startInfo = new ProcessStartInfo(CliPath ?? "docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "info", "--format", "{{.ServerVersion}}" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (host is not null)
        {
            startInfo.Environment["DOCKER_HOST"] = host;
        }

        using var process = Process.Start(startInfo)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }

    private static string? Find(string name) => ExecutableLocator.FromEnvironment().Find(name);
}
