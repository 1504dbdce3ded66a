using System.Diagnostics;
using System.Runtime.InteropServices;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Verbs;

/// <summary>
/// <c>build</c> (BuildCommand.swift@1.2.2). validate() (lines 475–547) checks the context directory, the tags, the
/// Dockerfile (<c>--file</c>, else Dockerfile or Containerfile, BuildFile.swift@1.2.2) and the secrets
/// (<c>id=…[,src=…|,env=…]</c>), each a ValidationError (exit 64). run() starts the builder when it is not running
/// (BuilderStart.start, line 178), refuses Dockerfiles of 16 KiB or more, builds and prints the tags, normalized with
/// Reference.normalize() (lines 308–312, 414–465). Every failure of run() after the system check is rethrown as
/// NSError("\(error)") (lines 470–472), so the CLI prints the error's description (<c>code: "message"</c> for a
/// ContainerizationError). SIGTERM, SIGINT, SIGUSR1 and SIGUSR2 end the build with <c>interrupted: "exiting on signal
/// N"</c> (lines 338–343). The build itself is <c>podman build</c> (layers, no pulls), its output relayed to stderr.
/// </summary>
internal static class BuildVerb
{
    private static readonly OptionSpec[] Options =
    [
        OptionSpec.Option("--arch", "value", "-a"), OptionSpec.Option("--build-arg", "key=val"), OptionSpec.Option("--cache-in", "value"),
        OptionSpec.Option("--cache-out", "value"), OptionSpec.Option("--cpus", "cpus", "-c"), OptionSpec.Option("--file", "path", "-f"),
        OptionSpec.Option("--label", "key=val", "-l"), OptionSpec.Option("--memory", "memory", "-m"), OptionSpec.Flag("--no-cache"),
        OptionSpec.Option("--output", "value", "-o"), OptionSpec.Option("--os", "value"), OptionSpec.Option("--platform", "platform"),
        OptionSpec.Option("--progress", "type"), OptionSpec.Flag("--quiet", "-q"), OptionSpec.Option("--secret", "id=key,..."),
        OptionSpec.Option("--ssh", "default"), OptionSpec.Option("--tag", "name", "-t"), OptionSpec.Option("--target", "stage"),
        OptionSpec.Option("--vsock-port", "port"), OptionSpec.Option("--dns", "ip"), OptionSpec.Option("--dns-domain", "domain"),
        OptionSpec.Option("--dns-option", "option"), OptionSpec.Option("--dns-search", "domain"), OptionSpec.Flag("--pull"),
    ];

    private const int MaxDockerfileSize = 16 * 1024;

    public static int Run(EmulatorState state, string[] args)
    {
        var parsed = new ArgumentReader("build", Options).Read(args);
        var contextDirectory = parsed.Positionals.Count switch
        {
            0 => ".",
            1 => parsed.Positionals[0],
            _ => throw Usage.Failure("build", $"Unexpected argument '{parsed.Positionals[1]}'"),
        };
        var (dockerfile, secrets) = Validate(parsed, contextDirectory);
        ServiceGate.RequireHealth(state);
        try
        {
            BuilderContainer.Start(state);
            var size = new FileInfo(dockerfile).Length;
            if (size >= MaxDockerfileSize)
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"Dockerfile size ({size} bytes) exceeds the maximum allowed size of {MaxDockerfileSize} bytes. See https://github.com/apple/container/issues/735."));
            }

            var tags = (parsed.Values("--tag") is { Count: > 0 } given ? given : [Guid.NewGuid().ToString().ToLowerInvariant()]).Select(ImageReference.NormalizeOnly).ToList();
            Build(parsed, contextDirectory, dockerfile, secrets, tags);
            Console.Out.WriteLine(string.Join('\n', tags));
            return 0;
        }
        catch (CliFailure failure) when (failure.Error is { } error)
        {
            throw CliFailure.Of(new BuildNSError(error));
        }
    }

    private static (string Dockerfile, List<(string Id, string Source)> Secrets) Validate(ParsedArguments parsed, string contextDirectory)
    {
        if (!Path.Exists(contextDirectory))
        {
            throw Usage.Failure("build", $"context dir does not exist {contextDirectory}");
        }

        foreach (var tag in parsed.Values("--tag"))
        {
            try
            {
                _ = ImageReference.Parse(tag);
            }
            catch (CliFailure)
            {
                throw Usage.Failure("build", $"invalid reference {tag}");
            }
        }

        string dockerfile;
        switch (parsed.Value("--file"))
        {
            case "-":
                throw CliFailure.Of(new TextError("a Dockerfile on stdin is not emulated (tests/AppleCliEmulator/README.md)"));
            case { } file:
                dockerfile = Path.GetFullPath(file);
                if (!File.Exists(dockerfile))
                {
                    throw Usage.Failure("build", $"dockerfile does not exist {file}");
                }

                break;
            default:
                var docker = Path.Combine(contextDirectory, "Dockerfile");
                var container = Path.Combine(contextDirectory, "Containerfile");
                dockerfile = File.Exists(docker) ? docker : File.Exists(container) ? container : throw Usage.Failure("build", "dockerfile not found in context dir");
                break;
        }

        var secrets = new List<(string, string)>();
        foreach (var secret in parsed.Values("--secret"))
        {
            var parts = SwiftSplit.Split(secret, ',', maxSplits: 1, omitEmpty: false);
            if (!parts[0].StartsWith("id=", StringComparison.Ordinal))
            {
                throw Usage.Failure("build", $"secret must start with id=<key> {secret}");
            }

            var key = parts[0][3..];
            if (key.Contains('='))
            {
                throw Usage.Failure("build", $"secret id cannot contain '=' {key}");
            }

            if (parts.Count == 2 && parts[1].StartsWith("src=", StringComparison.Ordinal))
            {
                secrets.Add((key, parts[1][4..]));
            }
            else if (parts.Count == 1 || parts[1].StartsWith("env=", StringComparison.Ordinal))
            {
                throw CliFailure.Of(new TextError("--secret id=…,env=… is not emulated (tests/AppleCliEmulator/README.md)"));
            }
            else
            {
                throw Usage.Failure("build", $"secret bad value {parts[1]}");
            }
        }

        return (dockerfile, secrets);
    }

    private static void Build(ParsedArguments parsed, string contextDirectory, string dockerfile, List<(string Id, string Source)> secrets, List<string> tags)
    {
        var arguments = new List<string> { "build", "--layers", "--force-rm", "--pull=never", "--file", dockerfile };
        foreach (var tag in tags)
        {
            arguments.AddRange(["--tag", ImageStore.PodmanName(tag)]);
        }

        foreach (var buildArg in parsed.Values("--build-arg"))
        {
            arguments.AddRange(["--build-arg", buildArg]);
        }

        foreach (var label in parsed.Values("--label"))
        {
            arguments.AddRange(["--label", label]);
        }

        foreach (var (id, source) in secrets)
        {
            arguments.AddRange(["--secret", $"id={id},src={source}"]);
        }

        if (parsed.Value("--target") is { Length: > 0 } target)
        {
            arguments.AddRange(["--target", target]);
        }

        foreach (var platform in parsed.Values("--platform").SelectMany(p => p.Split(',')))
        {
            arguments.AddRange(["--platform", platform]);
        }

        if (parsed.Has("--no-cache"))
        {
            arguments.Add("--no-cache");
        }

        arguments.Add(contextDirectory);
        using var build = PodmanCli.Start(arguments);
        var interrupted = 0;
        var registrations = new[] { (15, 15), (2, 2), (10, 30), (12, 31) }.Select(s => PosixSignalRegistration.Create((PosixSignal)s.Item1, context =>
        {
            context.Cancel = true;
            if (Interlocked.CompareExchange(ref interrupted, s.Item2, 0) == 0)
            {
                Stop(build);
            }
        })).ToList();
        try
        {
            var quiet = parsed.Has("--quiet");
            var output = Task.Run(() => Relay(build.StandardOutput, quiet));
            var error = Task.Run(() => Relay(build.StandardError, quiet));
            build.WaitForExit();
            Task.WaitAll(output, error);
            if (interrupted != 0)
            {
                throw CliFailure.Of(ContainerizationError.Interrupted($"exiting on signal {interrupted}"));
            }

            if (build.ExitCode != 0)
            {
                throw CliFailure.Of(new TextError(error.Result ?? $"podman build exited with {build.ExitCode}"));
            }
        }
        finally
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }

    /// <summary>Relays a stream of podman build to stderr; returns its last error line (without podman's "Error: ").</summary>
    private static string? Relay(StreamReader reader, bool quiet)
    {
        string? last = null;
        while (reader.ReadLine() is { } line)
        {
            if (!quiet)
            {
                Console.Error.Write(line + "\n");
            }

            if (line.StartsWith("Error: ", StringComparison.Ordinal))
            {
                last = line["Error: ".Length..];
            }
        }

        return last;
    }

    private static void Stop(Process build)
    {
        try
        {
            _ = Native.Posix.Kill(build.Id, 15);
            if (!build.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                build.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
