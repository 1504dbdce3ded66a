using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Containers;

/// <summary>
/// The BuildKit builder, a container named <c>buildkit</c> (Builder.swift@1.2.2:30) that BuilderStart.start creates and
/// starts (BuilderStart.swift@1.2.2:83–325): image <c>ghcr.io/apple/container-builder-shim/builder:0.13.1</c> (the
/// BUILDER_SHIM_VERSION of Package.swift@1.2.2:25), 2 CPUs and 2048 MB (BuildConfig defaults), labels plugin/role
/// <c>builder</c>, CAP ALL, tmpfs /run, the exports share, the default network. The emulator keeps it as a container
/// record without a podman container (podman builds instead). Its image is present unless the state holds
/// <c>builder-image-absent</c>: then starting it must pull from ghcr.io, which the emulated Mac cannot reach.
/// </summary>
internal static class BuilderContainer
{
    public const string Id = "buildkit";

    public const string Image = "ghcr.io/apple/container-builder-shim/builder:0.13.1";

    /// <summary>BuilderStart.start: reuse a running builder, start a stopped one, else create and start one.</summary>
    public static void Start(EmulatorState state)
    {
        if (File.Exists(state.BuilderImageAbsentMarker))
        {
            throw CliFailure.Of(ContainerizationError.Internal("failed to resolve either repository hostname ghcr.io"));
        }

        var record = state.Container(Id);
        if (record.Exists && record.Status().IsRunning)
        {
            return;
        }

        if (!record.Exists)
        {
            Directory.CreateDirectory(record.Directory);
            File.WriteAllText(Path.Combine(record.Directory, "virtual"), string.Empty);
            JsonFile.Write(record.ConfigurationPath, Configuration(state));
        }

        record.WriteRun(RunRecord.Started(Guid.NewGuid().ToString("N"), SwiftDate.Now(), [], 0));
    }

    private static JsonObject Configuration(EmulatorState state) => new()
    {
        ["capAdd"] = new JsonArray("ALL"),
        ["capDrop"] = new JsonArray(),
        ["creationDate"] = SwiftDate.Now(),
        ["dns"] = new JsonObject { ["nameservers"] = new JsonArray(), ["options"] = new JsonArray(), ["searchDomains"] = new JsonArray() },
        ["id"] = Id,
        ["image"] = new JsonObject
        {
            ["descriptor"] = new JsonObject { ["digest"] = "sha256:" + new string('0', 64), ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["size"] = 0 },
            ["reference"] = Image,
        },
        ["initProcess"] = new JsonObject
        {
            ["arguments"] = new JsonArray("--debug", "--vsock"),
            ["environment"] = new JsonArray(),
            ["executable"] = "/usr/local/bin/container-builder-shim",
            ["rlimits"] = new JsonArray(),
            ["supplementalGroups"] = new JsonArray(),
            ["terminal"] = false,
            ["user"] = UserParser.Id(0, 0),
            ["workingDirectory"] = "/",
        },
        ["labels"] = new JsonObject { ["com.apple.container.plugin"] = "builder", ["com.apple.container.resource.role"] = "builder" },
        ["mounts"] = new JsonArray(
            new JsonObject { ["destination"] = "/run", ["options"] = new JsonArray(), ["source"] = string.Empty, ["type"] = new JsonObject { ["tmpfs"] = new JsonObject() } },
            new JsonObject { ["destination"] = "/var/lib/container-builder-shim/exports", ["options"] = new JsonArray(), ["source"] = Path.Combine(state.Root, "builder"), ["type"] = new JsonObject { ["virtiofs"] = new JsonObject() } }),
        ["networks"] = new JsonArray(new JsonObject { ["network"] = "default", ["options"] = new JsonObject { ["hostname"] = Id } }),
        ["platform"] = new JsonObject { ["architecture"] = "arm64", ["os"] = "linux", ["variant"] = "v8" },
        ["publishedPorts"] = new JsonArray(),
        ["publishedSockets"] = new JsonArray(),
        ["readOnly"] = false,
        ["resources"] = new JsonObject { ["cpuOverhead"] = 1, ["cpus"] = 2, ["memoryInBytes"] = 2048L * 1024 * 1024 },
        ["rosetta"] = true,
        ["runtimeHandler"] = "container-runtime-linux",
        ["ssh"] = false,
        ["sysctls"] = new JsonObject(),
        ["useInit"] = false,
        ["virtualization"] = false,
    };
}
