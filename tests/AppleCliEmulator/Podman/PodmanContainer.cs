using System.Text.Json.Nodes;
using AppleCliEmulator.Containers;
using AppleCliEmulator.Images;
using AppleCliEmulator.Json;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Podman;

/// <summary>
/// The podman container behind an Apple container: named with the state's prefix and the id, labelled with the instance,
/// logging to a k8s-file (which the runtime helper tails), running exactly the configured init process
/// (<c>--entrypoint</c> is the executable, the arguments follow the image) with its environment passed as a 0600 env file
/// that is deleted after the call. Apple's configuration labels stay in the state only.
/// </summary>
internal static class PodmanContainer
{
    public const string IdLabel = "io.github.aspire-applecontainer.apple-emulator.id";

    public static string Create(EmulatorState state, JsonObject configuration, IReadOnlyList<MountSpec> mounts, LocalImage image)
    {
        var id = configuration["id"]!.GetValue<string>();
        var process = configuration["initProcess"]!.AsObject();
        var networks = configuration["networks"] as JsonArray ?? [];
        var arguments = new List<string>
        {
            "create", "--name", state.PodmanName(id), "--label", state.InstanceLabelValue, "--label", $"{IdLabel}={id}",
            "--log-driver", "k8s-file", "--pull", "never",
            "--hostname", (networks.FirstOrDefault()?["options"]?["hostname"]?.GetValue<string>() ?? id).TrimEnd('.'),
            "--network", networks.Count == 0 ? "none" : AppleCliEmulator.Network.DefaultNetwork.PodmanNetwork,
            "--entrypoint", Json.SwiftJson.Compact(new JsonArray(process["executable"]!.GetValue<string>())).Replace("\\/", "/", StringComparison.Ordinal),
            "--workdir", process["workingDirectory"]!.GetValue<string>(),
            "--user", UserParser.ToPodman(process["user"]!),
            "--memory", $"{configuration["resources"]!["memoryInBytes"]!.ToInt64()}b",
            "--cpus", Math.Min(configuration["resources"]!["cpus"]!.ToInt32(), Environment.ProcessorCount).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (networks.FirstOrDefault()?["options"]?["macAddress"]?.GetValue<string>() is { } mac)
        {
            arguments.AddRange(["--mac-address", mac]);
        }

        foreach (var port in configuration["publishedPorts"] as JsonArray ?? [])
        {
            arguments.AddRange(["--publish", Publish(port!.AsObject())]);
        }

        foreach (var mount in mounts)
        {
            arguments.AddRange(["--mount", Mount(state, mount)]);
        }

        if (configuration["dns"] is JsonObject dns)
        {
            foreach (var server in dns["nameservers"] as JsonArray ?? [])
            {
                arguments.AddRange(["--dns", server!.GetValue<string>()]);
            }

            foreach (var search in dns["searchDomains"] as JsonArray ?? [])
            {
                arguments.AddRange(["--dns-search", search!.GetValue<string>()]);
            }

            foreach (var option in dns["options"] as JsonArray ?? [])
            {
                arguments.AddRange(["--dns-option", option!.GetValue<string>()]);
            }
        }
        else
        {
            arguments.AddRange(["--dns", "none"]);
        }

        foreach (var cap in configuration["capAdd"] as JsonArray ?? [])
        {
            arguments.AddRange(["--cap-add", cap!.GetValue<string>()]);
        }

        foreach (var cap in configuration["capDrop"] as JsonArray ?? [])
        {
            arguments.AddRange(["--cap-drop", cap!.GetValue<string>()]);
        }

        if (configuration["useInit"]?.GetValue<bool>() == true)
        {
            arguments.Add("--init");
        }

        if (configuration["readOnly"]?.GetValue<bool>() == true)
        {
            arguments.Add("--read-only");
        }

        if (process["terminal"]?.GetValue<bool>() == true)
        {
            arguments.Add("--tty");
        }

        using var envFile = SecretFile.Create(state, (process["environment"] as JsonArray ?? []).Select(e => e!.GetValue<string>()));
        arguments.AddRange(["--env-file", envFile.Path]);
        arguments.Add(image.Podman["Id"]!.GetValue<string>());
        arguments.AddRange((process["arguments"] as JsonArray ?? []).Select(a => a!.GetValue<string>()));
        return PodmanCli.Check(arguments).Trim();
    }

    private static string Publish(JsonObject port)
    {
        var address = port["hostAddress"]!.GetValue<string>();
        var host = address.Contains(':') ? $"[{address}]" : address;
        var count = port["count"]!.ToInt32();
        var hostPort = port["hostPort"]!.ToInt32();
        var containerPort = port["containerPort"]!.ToInt32();
        var hostRange = count > 1 ? $"{hostPort}-{hostPort + count - 1}" : $"{hostPort}";
        var containerRange = count > 1 ? $"{containerPort}-{containerPort + count - 1}" : $"{containerPort}";
        return $"{host}:{hostRange}:{containerRange}/{port["proto"]!.GetValue<string>()}";
    }

    private static string Mount(EmulatorState state, MountSpec mount)
    {
        var readOnly = mount.ReadOnly ? ",ro=true" : string.Empty;
        return mount.Type switch
        {
            "virtiofs" => $"type=bind,source={mount.Source},destination={mount.Destination}{readOnly}",
            "tmpfs" => $"type=tmpfs,destination={mount.Destination}"
                + string.Concat(mount.Options.Where(o => o.StartsWith("size=", StringComparison.Ordinal) || o.StartsWith("mode=", StringComparison.Ordinal)).Select(o => $",tmpfs-{o}")),
            _ => $"type=volume,source={state.PodmanName(mount.Source)},destination={mount.Destination}{readOnly}",
        };
    }
}
