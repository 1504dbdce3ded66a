using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FakeAppleCli;

/// <summary>Builds ContainerConfiguration JSON (ContainerConfiguration.swift @1.0.0) from create flags, parsing them as Parser.swift does.</summary>
internal static partial class ContainerConfiguration
{
    [GeneratedRegex(@"^((\[(?<ipv6>[^\]]*)\]|(?<ipv4>[^:].*)):)?(?<host>[^:].*):(?<container>[^:/]*)(/(?<proto>.*))?$")]
    private static partial Regex PublishPattern();

    public static JsonObject Build(FakeState state, string id, string reference, JsonObject image, Dictionary<string, List<string>> options, List<string> arguments)
    {
        var imageConfig = image["variants"]![0]!["config"]!["config"]!.AsObject();
        var environment = new List<string>();
        environment.AddRange(Strings(imageConfig["Env"]));
        foreach (var file in options.GetValueOrDefault("--env-file") ?? [])
        {
            environment.AddRange(EnvFile(file));
        }

        environment.AddRange(options.GetValueOrDefault("--env") ?? []);
        var entrypointOverride = Containers.Value(options, "--entrypoint");
        var command = new List<string>();
        if (entrypointOverride is { Length: > 0 })
        {
            command.Add(entrypointOverride);
        }
        else
        {
            command.AddRange(Strings(imageConfig["Entrypoint"]));
        }

        command.AddRange(arguments.Count > 0 || entrypointOverride is { Length: > 0 } ? arguments : Strings(imageConfig["Cmd"]));
        if (command.Count == 0)
        {
            throw FakeFailure.InvalidArgument("command/entrypoint not specified for container process");
        }

        return new JsonObject
        {
            ["capAdd"] = new JsonArray(),
            ["capDrop"] = new JsonArray(),
            ["creationDate"] = FakeState.Now(),
            ["dns"] = new JsonObject { ["nameservers"] = Array(options.GetValueOrDefault("--dns") is { Count: > 0 } dns ? dns : ["192.168.64.1"]), ["options"] = new JsonArray(), ["searchDomains"] = new JsonArray() },
            ["id"] = id,
            ["image"] = new JsonObject { ["descriptor"] = image["configuration"]!["descriptor"]!.DeepClone(), ["reference"] = reference },
            ["initProcess"] = new JsonObject
            {
                ["arguments"] = Array(command.Skip(1)),
                ["environment"] = Array(Dedupe(environment)),
                ["executable"] = command[0],
                ["rlimits"] = new JsonArray(),
                ["supplementalGroups"] = new JsonArray(),
                ["terminal"] = false,
                ["user"] = User(Containers.Value(options, "--user")),
                ["workingDirectory"] = Containers.Value(options, "--workdir") ?? imageConfig["WorkingDir"]?.GetValue<string>() ?? "/",
            },
            ["labels"] = Labels(options.GetValueOrDefault("--label") ?? []),
            ["mounts"] = Mounts(state, options),
            ["networks"] = new JsonArray(new JsonObject { ["network"] = Containers.Value(options, "--network") ?? "default", ["options"] = new JsonObject { ["hostname"] = id } }),
            ["platform"] = new JsonObject { ["architecture"] = "arm64", ["os"] = "linux" },
            ["publishedPorts"] = new JsonArray([.. (options.GetValueOrDefault("--publish") ?? []).Select(Publish)]),
            ["publishedSockets"] = new JsonArray(),
            ["readOnly"] = options.ContainsKey("--read-only"),
            ["resources"] = new JsonObject
            {
                ["cpuOverhead"] = 1,
                ["cpus"] = int.Parse(Containers.Value(options, "--cpus") ?? "4", CultureInfo.InvariantCulture),
                ["memoryInBytes"] = Memory(Containers.Value(options, "--memory")),
            },
            ["rosetta"] = false,
            ["runtimeHandler"] = "container-runtime-linux",
            ["ssh"] = false,
            ["sysctls"] = new JsonObject(),
            ["useInit"] = options.ContainsKey("--init"),
            ["virtualization"] = false,
        };
    }

    public static List<string> Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);

    private static IEnumerable<string> Dedupe(List<string> environment) =>
        environment.Select(e => (Name: e.Split('=')[0], Entry: e)).GroupBy(e => e.Name).Select(g => g.Last().Entry);

    /// <summary>Parser.envFile @1.0.0 (a port of moby's kvfile): comments, blank lines, no whitespace in names.</summary>
    private static IEnumerable<string> EnvFile(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(path);
        }
        catch (IOException)
        {
            throw FakeFailure.InvalidArgument($"failed to read envfile at {path}");
        }

        foreach (var line in content.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? trimmed : trimmed[..equals]).TrimStart(' ', '\t');
            if (name.Any(c => c is ' ' or '\t'))
            {
                throw FakeFailure.InvalidArgument($"variable '{name}' contains whitespaces");
            }

            if (equals >= 0)
            {
                yield return $"{name}={trimmed[(equals + 1)..].TrimEnd('\r')}";
            }
        }
    }

    /// <summary>Parser.labels @1.0.0: split on '=' with maxSplits 2, so a value containing '=' is rejected.</summary>
    private static JsonObject Labels(List<string> raw)
    {
        var labels = new JsonObject();
        foreach (var label in raw)
        {
            if (label.Length == 0)
            {
                throw FakeFailure.InvalidArgument("label cannot be an empty string");
            }

            var parts = label.Split('=', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 2)
            {
                throw FakeFailure.InvalidArgument($"invalid label format {label}");
            }

            labels[parts[0]] = parts.Length == 2 ? parts[1] : string.Empty;
        }

        return labels;
    }

    private static JsonNode User(string? user)
    {
        if (user is null)
        {
            return new JsonObject { ["id"] = new JsonObject { ["gid"] = 0, ["uid"] = 0 } };
        }

        var parts = user.Split(':');
        return uint.TryParse(parts[0], out var uid)
            ? new JsonObject { ["id"] = new JsonObject { ["gid"] = parts.Length > 1 && uint.TryParse(parts[1], out var gid) ? gid : 0u, ["uid"] = uid } }
            : new JsonObject { ["raw"] = new JsonObject { ["userString"] = user } };
    }

    private static JsonArray Mounts(FakeState state, Dictionary<string, List<string>> options)
    {
        var mounts = new JsonArray();
        foreach (var text in options.GetValueOrDefault("--mount") ?? [])
        {
            var directives = new Dictionary<string, string>(StringComparer.Ordinal);
            var readOnly = false;
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = part.Split('=');
                var key = pair[0] switch { "src" => "source", "dst" or "target" => "destination", "ro" or "readonly" => "ro", var k => k };
                if (key == "ro")
                {
                    readOnly = true;
                    continue;
                }

                if (pair.Length != 2)
                {
                    throw FakeFailure.InvalidArgument($"invalid directive format missing value {part} in {text}");
                }

                directives[key] = pair[1];
            }

            var type = directives.GetValueOrDefault("type") switch { "bind" or "virtiofs" => "virtiofs", "tmpfs" => "tmpfs", "volume" => "volume", var t => throw FakeFailure.InvalidArgument($"unsupported mount type {t}") };
            var source = directives.GetValueOrDefault("source") ?? string.Empty;
            var typeNode = new JsonObject();
            if (type == "virtiofs" && !Directory.Exists(source))
            {
                throw FakeFailure.InvalidArgument(File.Exists(source) ? $"path '{source}' is not a directory" : $"path '{source}' does not exist");
            }

            if (type == "volume")
            {
                if (!Volumes.Exists(state, source))
                {
                    throw FakeFailure.NotFound($"volume '{source}' not found");
                }

                typeNode["name"] = source;
                typeNode["format"] = "ext4";
                typeNode["cache"] = new JsonObject { ["on"] = new JsonObject() };
                typeNode["sync"] = new JsonObject { ["fsync"] = new JsonObject() };
                source = Volumes.DataDirectory(state, source);
            }

            mounts.Add(new JsonObject
            {
                ["destination"] = directives.GetValueOrDefault("destination") ?? throw FakeFailure.InvalidArgument("mount destination cannot be empty"),
                ["options"] = readOnly ? new JsonArray("ro") : new JsonArray(),
                ["source"] = type == "tmpfs" ? "tmpfs" : source,
                ["type"] = new JsonObject { [type] = typeNode },
            });
        }

        foreach (var target in options.GetValueOrDefault("--tmpfs") ?? [])
        {
            mounts.Add(new JsonObject { ["destination"] = target, ["options"] = new JsonArray(), ["source"] = "tmpfs", ["type"] = new JsonObject { ["tmpfs"] = new JsonObject() } });
        }

        return mounts;
    }

    private static JsonObject Publish(string text)
    {
        var match = PublishPattern().Match(text);
        if (!match.Success)
        {
            throw FakeFailure.InvalidArgument($"invalid publish value: {text}");
        }

        var address = match.Groups["ipv6"].Success ? match.Groups["ipv6"].Value : match.Groups["ipv4"].Success ? match.Groups["ipv4"].Value : "0.0.0.0";
        if (!ushort.TryParse(match.Groups["host"].Value, out var hostPort))
        {
            throw FakeFailure.InvalidArgument($"invalid publish host port: {match.Groups["host"].Value}");
        }

        return new JsonObject
        {
            ["containerPort"] = int.Parse(match.Groups["container"].Value, CultureInfo.InvariantCulture),
            ["count"] = 1,
            ["hostAddress"] = address,
            ["hostPort"] = hostPort,
            ["proto"] = match.Groups["proto"].Success ? match.Groups["proto"].Value.ToLowerInvariant() : "tcp",
        };
    }

    private static long Memory(string? text)
    {
        if (text is null)
        {
            return 1024L * 1024 * 1024;
        }

        var suffix = char.ToUpperInvariant(text[^1]);
        var scale = suffix switch { 'K' => 1024L, 'M' => 1024L * 1024, 'G' => 1024L * 1024 * 1024, _ => 1L };
        var number = long.Parse(scale == 1 ? text : text[..^1], CultureInfo.InvariantCulture);
        return number * scale / (1024 * 1024) * (1024 * 1024);
    }
}
