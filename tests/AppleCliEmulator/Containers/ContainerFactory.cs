using System.Globalization;
using System.Text.Json.Nodes;
using AppleCliEmulator.Cli;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Images;
using AppleCliEmulator.Json;
using AppleCliEmulator.Podman;
using AppleCliEmulator.Service;
using AppleCliEmulator.State;
using AppleCliEmulator.Volumes;

namespace AppleCliEmulator.Containers;

/// <summary>
/// <c>create</c> (and the first half of <c>run</c>): Utility.containerConfigFromFlags (Utility.swift@1.2.2:67–267) builds the
/// ContainerConfiguration in its order of checks, then ContainersService.create (ContainersService.swift@1.2.2:267–388)
/// refuses an existing id, a hostname in use, an unknown runtime and less than 200 MiB of memory, and stores it. The
/// emulator then creates the podman container that will run it (<see cref="PodmanContainer"/>).
/// </summary>
internal static class ContainerFactory
{
    private const long MinimumMemory = 200L * 1024 * 1024;

    public static string Create(EmulatorState state, ParsedArguments args, string verb, bool checkExisting)
    {
        ServiceGate.RequireHealth(state);
        var id = args.Value("--name") ?? ContainerIds.New();
        if (!ContainerIds.IsValid(id))
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument($"container ID {id} is not a valid container ID"));
        }

        if (checkExisting && state.Container(id).Exists)
        {
            // ContainerRun.swift@1.2.2:87–95.
            throw CliFailure.Of(ContainerizationError.Exists($"container with id {id} already exists"));
        }

        var platform = PlatformResolver.ResolveWithDefaults(args.Value("--platform"), args.Value("--os"), args.Value("--arch"));
        var scheme = RequestScheme.Validate(args.Value("--scheme") ?? "auto");
        var image = ImageFetcher.Fetch(args.Positionals[0], platform, scheme);
        var process = ProcessConfigurationBuilder.Build(args, args.Positionals.Skip(1).ToList(), image);
        var resources = new JsonObject
        {
            ["cpuOverhead"] = 1,
            ["cpus"] = args.Value("--cpus") is { } cpus ? ParseInt(cpus, verb, "--cpus <cpus>") : 4,
            ["memoryInBytes"] = args.Value("--memory") is { } memory ? MemorySize.MebibytesTruncated(memory) * 1024 * 1024 : 1024L * 1024 * 1024,
        };

        var mounts = new List<MountSpec>();
        mounts.AddRange(MountParser.Tmpfs(args.Values("--tmpfs")));
        var volumesAndMounts = MountParser.Volumes(args.Values("--volume")).Concat(MountParser.Mounts(args.Values("--mount"))).ToList();
        var mountJson = new JsonArray([.. mounts.Select(m => (JsonNode)m.ToJson())]);
        foreach (var mount in volumesAndMounts)
        {
            if (mount.IsVolume)
            {
                var volume = VolumeResolver.GetOrCreate(state, mount.Source, mount.IsAnonymous);
                mountJson.Add(mount.ToJson(volume["source"]!.GetValue<string>()));
            }
            else
            {
                mountJson.Add(mount.ToJson());
            }

            mounts.Add(mount);
        }

        var networks = Networks(id, args.Values("--network"));
        var configuration = new JsonObject
        {
            ["capAdd"] = Strings(args.Values("--cap-add").Select(Capability)),
            ["capDrop"] = Strings(args.Values("--cap-drop").Select(Capability)),
            ["creationDate"] = SwiftDate.Now(),
            ["id"] = id,
            ["image"] = image.Description(),
            ["initProcess"] = process,
            ["labels"] = Labels(LabelParser.ContainerLabels(args.Values("--label"))),
            ["mounts"] = mountJson,
            ["networks"] = networks,
            ["platform"] = platform,
            ["publishedPorts"] = PublishedPorts(args.Values("--publish")),
            ["publishedSockets"] = PublishedSockets(args.Values("--publish-socket")),
            ["readOnly"] = args.Has("--read-only"),
            ["resources"] = resources,
            ["rosetta"] = args.Has("--rosetta"),
            ["runtimeHandler"] = args.Value("--runtime") ?? "container-runtime-linux",
            ["ssh"] = args.Has("--ssh"),
            ["sysctls"] = new JsonObject(),
            ["useInit"] = args.Has("--init"),
            ["virtualization"] = args.Has("--virtualization"),
        };
        if (!args.Has("--no-dns"))
        {
            var dns = new JsonObject
            {
                ["nameservers"] = Strings(args.Values("--dns")),
                ["options"] = Strings(args.Values("--dns-option")),
                ["searchDomains"] = Strings(args.Values("--dns-search")),
            };
            if (args.Value("--dns-domain") is { } domain)
            {
                dns["domain"] = domain;
            }

            configuration["dns"] = dns;
        }

        if (args.Has("--rosetta") && PlatformResolver.HostArchitecture != "arm64")
        {
            throw CliFailure.Of(ContainerizationError.Unsupported("--rosetta flag requires an arm64 host"));
        }

        if (args.Values("--masked-path") is { Count: > 0 } masked)
        {
            configuration["maskedPaths"] = Strings(masked.Contains("NONE") ? [] : masked);
        }

        if (args.Values("--read-only-path") is { Count: > 0 } readOnlyPaths)
        {
            configuration["readonlyPaths"] = Strings(readOnlyPaths.Contains("NONE") ? [] : readOnlyPaths);
        }

        if (image.StopSignal is { } stopSignal)
        {
            configuration["stopSignal"] = stopSignal;
        }

        return Store(state, configuration, mounts, image);
    }

    /// <summary>ContainersService.create's checks under its lock, then the podman container and the stored configuration.</summary>
    private static string Store(EmulatorState state, JsonObject configuration, List<MountSpec> mounts, LocalImage image)
    {
        var id = configuration["id"]!.GetValue<string>();
        return state.Locked(() =>
        {
            var record = state.Container(id);
            if (record.Exists)
            {
                throw CliFailure.Of(ContainerizationError.Exists($"container already exists: {id}"));
            }

            var allHostnames = state.Containers()
                .SelectMany(c => c.Configuration()["networks"] as JsonArray ?? [])
                .Select(n => n?["options"]?["hostname"]?.GetValue<string>())
                .ToHashSet(StringComparer.Ordinal);
            var conflicting = (configuration["networks"] as JsonArray ?? [])
                .Select(n => n!["options"]!["hostname"]!.GetValue<string>())
                .Where(allHostnames.Contains)
                .ToList();
            if (conflicting.Count > 0)
            {
                throw CliFailure.Of(ContainerizationError.Exists($"hostname(s) already exist: [{string.Join(", ", conflicting.Select(h => $"\"{h}\""))}]"));
            }

            var runtime = configuration["runtimeHandler"]!.GetValue<string>();
            if (runtime != "container-runtime-linux")
            {
                throw CliFailure.Of(ContainerizationError.NotFound($"unable to locate runtime plugin {runtime}"));
            }

            var memory = configuration["resources"]!["memoryInBytes"]!.ToInt64();
            if (memory < MinimumMemory)
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"minimum memory amount allowed is 200 MiB (got {memory} bytes)"));
            }

            Directory.CreateDirectory(record.Directory);
            try
            {
                var podmanId = PodmanContainer.Create(state, configuration, mounts, image);
                JsonFile.Write(record.PodmanPath, new JsonObject { ["id"] = podmanId, ["name"] = record.PodmanName });
                JsonFile.Write(record.ConfigurationPath, configuration);
            }
            catch
            {
                Directory.Delete(record.Directory, recursive: true);
                throw;
            }

            return id;
        });
    }

    /// <summary>
    /// The attachments (Utility.swift@1.2.2:198–217, 269–329): none for <c>--network none</c>, else each named network
    /// (which must exist: NetworkClient.get, "network &lt;id&gt; not found"), or the built-in <c>default</c>; hostname is the
    /// id (an id with a dot is used as an FQDN with a trailing dot), MTU 1280 unless given.
    /// </summary>
    private static JsonArray Networks(string id, IReadOnlyList<string> specs)
    {
        var parsed = specs.Select(NetworkSpecParser.Parse).ToList();
        if (specs.Contains("none"))
        {
            return specs.Count == 1 ? [] : throw CliFailure.Of(ContainerizationError.Unsupported("no other networks may be created along with network none"));
        }

        var hostname = id.Contains('.') ? $"{id}." : id;
        if (parsed.Count == 0)
        {
            parsed.Add(("default", null, null));
        }

        var result = new JsonArray();
        for (var i = 0; i < parsed.Count; i++)
        {
            var (name, mac, mtu) = parsed[i];
            if (mac is not null && !System.Text.RegularExpressions.Regex.IsMatch(mac, "^([0-9A-Fa-f]{2}[:-]){5}([0-9A-Fa-f]{2})$"))
            {
                throw CliFailure.Of(ContainerizationError.InvalidArgument($"invalid MAC address format {mac}, expected format: XX:XX:XX:XX:XX:XX"));
            }

            var options = new JsonObject { ["hostname"] = i == 0 ? hostname : id, ["mtu"] = mtu ?? 1280 };
            if (mac is not null)
            {
                options["macAddress"] = mac.ToLowerInvariant().Replace('-', ':');
            }

            result.Add(new JsonObject { ["network"] = name, ["options"] = options });
        }

        foreach (var network in parsed.Select(p => p.Name).Distinct(StringComparer.Ordinal))
        {
            if (network != AppleCliEmulator.Network.DefaultNetwork.Name)
            {
                throw CliFailure.Of(ContainerizationError.NotFound($"network {network} not found"));
            }
        }

        return result;
    }

    private static JsonArray PublishedPorts(IReadOnlyList<string> specs)
    {
        var ports = specs.Select(PublishPortParser.Parse).ToList();
        if (ports.Count > 64)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("cannot exceed more than 64 port publish descriptors"));
        }

        if (PublishPortParser.HasOverlaps(ports))
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("host ports for different publish port specs may not overlap"));
        }

        return new JsonArray([.. ports.Select(p => (JsonNode)p)]);
    }

    private static JsonArray PublishedSockets(IReadOnlyList<string> specs) =>
        specs.Count == 0 ? [] : throw CliFailure.Of(new TextError("--publish-socket is not emulated (tests/AppleCliEmulator/README.md)"));

    /// <summary>Parser.capabilities normalizes to <c>CAP_*</c> (or ALL).</summary>
    private static string Capability(string cap)
    {
        var upper = cap.ToUpperInvariant();
        return upper == "ALL" || upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : $"CAP_{upper}";
    }

    private static JsonObject Labels(Dictionary<string, string> labels)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in labels)
        {
            obj[key] = value;
        }

        return obj;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static long ParseInt(string text, string verb, string option) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Usage.Failure(verb, $"The value '{text}' is invalid for '{option}'");
}
