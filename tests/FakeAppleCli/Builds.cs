using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeAppleCli;

/// <content>
/// <c>builder</c> verbs and <c>build</c>: a Dockerfile subset (FROM, ARG, ENV, LABEL, WORKDIR, ENTRYPOINT, CMD, RUN with
/// <c>--mount=type=secret,id=…</c>) whose RUN steps run on the host through <see cref="PathMapper"/>. <c>build</c> starts
/// the builder when it is not running (BuildCommand.swift @1.0.0); <c>builder-unavailable</c> makes that fail.
/// </content>
internal static partial class Images
{
    [GeneratedRegex(@"^--mount=type=secret,id=(?<id>[^,\s]+)\s+")]
    private static partial Regex SecretMount();

    public static int Builder(FakeState state, string verb, FakeArgs args)
    {
        args.ReadOptions(new HashSet<string> { "--format", "--cpus", "--memory" });
        var running = Path.Combine(state.Root, "builder");
        switch (verb)
        {
            case "builder start":
                StartBuilder(state);
                return 0;
            case "builder stop":
                File.Delete(running);
                return 0;
            default:
                // BuilderStatus.swift @1.0.0: an array with the "buildkit" container, or [] when there is none.
                var items = new JsonArray();
                if (File.Exists(running))
                {
                    items.Add(new JsonObject
                    {
                        ["configuration"] = new JsonObject { ["id"] = "buildkit", ["image"] = new JsonObject { ["reference"] = "ghcr.io/apple/container-builder-shim/builder:0.7.0" }, ["labels"] = new JsonObject { ["com.apple.container.resource.role"] = "builder" } },
                        ["id"] = "buildkit",
                        ["status"] = new JsonObject { ["networks"] = new JsonArray(), ["startedDate"] = FakeState.Now(), ["state"] = "running" },
                    });
                }

                Console.WriteLine(items.ToJsonString(FakeState.Compact));
                return 0;
        }
    }

    public static int Build(FakeState state, FakeArgs args)
    {
        var options = args.ReadOptions(
            new HashSet<string> { "--file", "--tag", "--build-arg", "--label", "--secret", "--target", "--platform", "--progress", "--cpus", "--memory", "--output", "--arch", "--os" },
            new Dictionary<string, string> { ["-f"] = "--file", ["-t"] = "--tag", ["-l"] = "--label", ["-q"] = "--quiet", ["-c"] = "--cpus", ["-m"] = "--memory", ["-o"] = "--output", ["-a"] = "--arch" });
        if (!File.Exists(Path.Combine(state.Root, "builder")))
        {
            StartBuilder(state);
        }

        var context = args.Positionals.FirstOrDefault() ?? ".";
        var dockerfile = Containers.Value(options, "--file") ?? Path.Combine(context, "Dockerfile");
        if (!File.Exists(dockerfile))
        {
            throw FakeFailure.InvalidArgument("dockerfile not found in context dir");
        }

        var secrets = (options.GetValueOrDefault("--secret") ?? []).Select(s => s.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1])).ToDictionary(s => s["id"], s => s["src"]);
        var arguments = (options.GetValueOrDefault("--build-arg") ?? []).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
        var marker = state.Marker("build-" + Guid.NewGuid().ToString("N"));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Abort(c, marker));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Abort(c, marker));
        var root = Path.Combine(state.Root, "builds", Guid.NewGuid().ToString("N"));
        try
        {
            var config = RunDockerfile(state, File.ReadAllLines(dockerfile), arguments, secrets, root, marker);
            foreach (var label in options.GetValueOrDefault("--label") ?? [])
            {
                var pair = label.Split('=', 2);
                config["Labels"]![pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
            }

            foreach (var tag in options.GetValueOrDefault("--tag") ?? [])
            {
                Save(state, tag, Describe(tag, config.DeepClone().AsObject()));
                CopyDirectory(root, RecordPath(state, tag) + ".rootfs");
                Console.Error.WriteLine($"#9 naming to {tag} done");
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    private static JsonObject RunDockerfile(FakeState state, string[] lines, Dictionary<string, string> arguments, Dictionary<string, string> secrets, string root, string marker)
    {
        JsonObject? config = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var step = 0;
        foreach (var raw in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var space = raw.IndexOf(' ', StringComparison.Ordinal);
            var instruction = (space < 0 ? raw : raw[..space]).ToUpperInvariant();
            var rest = space < 0 ? string.Empty : raw[(space + 1)..].Trim();
            Console.Error.WriteLine($"#{++step} [{step}/{lines.Length}] {raw}");
            switch (instruction)
            {
                case "FROM":
                    var image = Find(state, rest) ?? PullFromRegistry(state, rest) ?? throw FakeFailure.Internal($"failed to solve: {rest}: not found");
                    config = image["variants"]![0]!["config"]!["config"]!.DeepClone().AsObject();
                    config["Labels"] ??= new JsonObject();
                    CopyRootfs(state, rest, root);
                    foreach (var entry in ContainerConfiguration.Strings(config["Env"]))
                    {
                        environment[entry.Split('=', 2)[0]] = entry.Split('=', 2)[1];
                    }

                    break;
                case "ARG":
                    var name = rest.Split('=', 2)[0];
                    environment[name] = arguments.GetValueOrDefault(name) ?? (rest.Contains('=') ? rest.Split('=', 2)[1] : string.Empty);
                    break;
                case "ENV" or "LABEL":
                    var pair = rest.Split(rest.Contains('=') ? '=' : ' ', 2);
                    var key = instruction == "ENV" ? "Env" : "Labels";
                    if (instruction == "ENV")
                    {
                        environment[pair[0]] = pair[1].Trim('"');
                        config!["Env"] = new JsonArray([.. ContainerConfiguration.Strings(config["Env"]).Where(e => !e.StartsWith(pair[0] + "=", StringComparison.Ordinal)).Append($"{pair[0]}={pair[1].Trim('"')}").Select(e => (JsonNode)JsonValue.Create(e)!)]);
                    }
                    else
                    {
                        config![key]![pair[0]] = pair[1].Trim('"');
                    }

                    break;
                case "WORKDIR":
                    config!["WorkingDir"] = rest;
                    break;
                case "ENTRYPOINT" or "CMD":
                    config![instruction == "CMD" ? "Cmd" : "Entrypoint"] = rest.StartsWith('[') ? JsonNode.Parse(rest) : new JsonArray("/bin/sh", "-c", rest);
                    break;
                case "RUN":
                    RunStep(rest, environment, secrets, root, marker);
                    break;
            }
        }

        return config ?? throw FakeFailure.Internal("failed to solve: the Dockerfile has no FROM");
    }

    private static void RunStep(string command, Dictionary<string, string> environment, Dictionary<string, string> secrets, string root, string marker)
    {
        var mounts = new List<(string Target, string Source)>();
        while (SecretMount().Match(command) is { Success: true } match)
        {
            var id = match.Groups["id"].Value;
            mounts.Add(($"/run/secrets/{id}", secrets.TryGetValue(id, out var source) ? source : throw FakeFailure.Internal($"failed to solve: secret {id} not found")));
            command = command[match.Length..];
        }

        var mapper = new PathMapper(root, mounts);
        var start = FakeProcesses.StartInfo(["/bin/sh", "-c", mapper.Map(command)], environment, marker, "/", null);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var child = Process.Start(start)!;
        var output = Task.Run(() => Relay(child.StandardOutput));
        var errors = Task.Run(() => Relay(child.StandardError));
        child.WaitForExit();
        Task.WaitAll(output, errors);
        if (child.ExitCode != 0)
        {
            throw FakeFailure.Internal($"failed to solve: process \"/bin/sh -c {command}\" did not complete successfully: exit code: {child.ExitCode}");
        }
    }

    private static void Relay(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            Console.Error.WriteLine($"#  {line}");
        }
    }

    private static void StartBuilder(FakeState state)
    {
        if (File.Exists(Path.Combine(state.Root, "builder-unavailable")))
        {
            // BuilderStart.swift @1.0.0.
            throw FakeFailure.Internal("failed to start BuildKit: the builder VM did not come up");
        }

        Directory.CreateDirectory(state.Root);
        File.WriteAllText(Path.Combine(state.Root, "builder"), "running");
    }

    private static void Abort(PosixSignalContext context, string marker)
    {
        ProcessKiller.KillMarked(marker);
        context.Cancel = false;
    }

    private static void CopyDirectory(string source, string destination)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
