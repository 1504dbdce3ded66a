using System.Globalization;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The argv of every OCI CLI call, one method per operation; pure, so golden tests pin them. Secret values never
/// appear here: they travel in files whose paths are passed in.
/// </summary>
internal sealed class OciArguments(OciFlavor flavor)
{
    /// <summary>The flavor whose argv this builds.</summary>
    public OciFlavor Flavor { get; } = flavor;

    /// <summary>
    /// <c>version</c> as JSON. docker's CLI before 23 (Debian 12's docker.io is 20.10) knows no <c>--format json</c> and
    /// prints the word itself; a Go template works on every docker.
    /// </summary>
    public IReadOnlyList<string> Version() => Flavor == OciFlavor.Podman ? ["version", "--format", "json"] : ["version", "--format", "{{json .}}"];

    public IReadOnlyList<string> ImageInspect(string image) => ["image", "inspect", "--format", "{{.Id}}", image];

    /// <summary>
    /// Several images in one call: podman 4.3 prints one id line per found image, in order, and exits 125 naming the
    /// missing ones; docker's <c>image inspect</c> likewise takes several names (prints what it found, exits 1).
    /// </summary>
    public IReadOnlyList<string> ImageInspect(IReadOnlyList<string> images) => ["image", "inspect", "--format", "{{.Id}}", .. images];

    /// <summary>
    /// <c>pull</c>; on podman a registry on an internal host (<see cref="RegistryHost.IsInternal"/>) gets
    /// <c>--tls-verify=false</c> (see <see cref="InsecureRegistryFlags"/>).
    /// </summary>
    public IReadOnlyList<string> Pull(string image, string? platform = null)
    {
        var argv = new List<string> { "pull" };
        argv.AddRange(InsecureRegistryFlags(image));
        AddOptional(argv, "--platform", platform);
        argv.Add(image);
        return argv;
    }

    public IReadOnlyList<string> Tag(string source, string target) => ["image", "tag", source, target];

    /// <summary><c>push</c> of a full reference, with the internal-host rule of <see cref="InsecureRegistryFlags"/>.</summary>
    public IReadOnlyList<string> Push(string image) => ["push", .. InsecureRegistryFlags(image), image];

    /// <summary>
    /// <c>login --username U --password-stdin [--tls-verify=false] registry</c>: the password is written to the CLI's
    /// standard input, so it is never on this argv.
    /// </summary>
    public IReadOnlyList<string> Login(string registry, string username) =>
        ["login", "--username", username, "--password-stdin", .. InsecureRegistryFlags(registry), registry];

    /// <summary>
    /// <c>save --output path images…</c>. podman writes a <c>docker-archive</c> (the one format it can put several images
    /// in, with <c>--multi-image-archive</c>: podman 4.3 refuses "unsupported format \"oci-archive\" for saving multiple
    /// images (only docker-archive)"), which its <c>load</c> reads back; docker writes its own archive of several images.
    /// </summary>
    public IReadOnlyList<string> Save(IReadOnlyList<string> images, string archivePath)
    {
        var argv = new List<string> { "save", "--output", archivePath };
        if (Flavor == OciFlavor.Podman)
        {
            argv.AddRange(["--format", "docker-archive"]);
            if (images.Count > 1)
            {
                argv.Add("--multi-image-archive");
            }
        }

        argv.AddRange(images);
        return argv;
    }

    public IReadOnlyList<string> Load(string archivePath) => ["load", "--input", archivePath];

    /// <summary>
    /// The internal-host rule (<see cref="RegistryHost"/>): podman is told <c>--tls-verify=false</c> for a registry on an
    /// internal host (it then speaks plain HTTP when the registry does not offer TLS). docker's daemon takes no per-call flag:
    /// it treats 127.0.0.0/8 as an insecure registry by itself (its default <c>insecure-registries</c>), and the other
    /// private ranges only when the daemon's configuration lists them; without that, docker's "http: server gave HTTP
    /// response to HTTPS client" is classified as registry_unreachable with that hint (<see cref="OciErrorClassifier"/>).
    /// </summary>
    private IEnumerable<string> InsecureRegistryFlags(string registryOrImage) =>
        Flavor == OciFlavor.Podman && RegistryHost.IsInternal(registryOrImage) ? ["--tls-verify=false"] : [];

    public IReadOnlyList<string> RemoveImage(string image, bool force) =>
        force ? ["image", "rm", "--force", image] : ["image", "rm", image];

    public IReadOnlyList<string> Build(BuildSpec spec, IReadOnlyDictionary<string, string> secretFiles)
    {
        // --force-rm: docker's classic builder keeps the container of a failed step otherwise (a leftover per failed
        // build); podman removes it by default and takes the flag as well.
        var argv = new List<string> { "build", "--force-rm" };
        if (spec.Dockerfile is not null)
        {
            argv.AddRange(["--file", spec.Dockerfile]);
        }

        foreach (var tag in spec.Tags)
        {
            argv.AddRange(["--tag", tag]);
        }

        foreach (var (name, value) in spec.BuildArgs)
        {
            argv.AddRange(["--build-arg", $"{name}={value}"]);
        }

        // Without "=", docker and podman take the value from the CLI's environment, which is the AppHost's.
        foreach (var name in spec.BuildArgsFromEnvironment)
        {
            argv.AddRange(["--build-arg", name]);
        }

        foreach (var (id, path) in secretFiles)
        {
            argv.AddRange(["--secret", $"id={id},src={path}"]);
        }

        AddOptional(argv, "--target", spec.Target);
        AddOptional(argv, "--platform", spec.Platform);
        if (spec.NoCache)
        {
            argv.Add("--no-cache");
        }

        foreach (var (key, value) in LabelCodec.Encode(spec.Labels))
        {
            argv.AddRange(OciRunFlags.ForLabel(key, value));
        }

        argv.Add(spec.ContextDirectory);
        return argv;
    }

    /// <summary><c>run --detach</c> with exactly the options of <see cref="Create"/>.</summary>
    public IReadOnlyList<string> Run(RunSpec spec, string? envFilePath) =>
        ["run", "--detach", .. Create(spec, envFilePath).Skip(1)];

    public IReadOnlyList<string> Create(RunSpec spec, string? envFilePath)
    {
        var argv = new List<string> { "create", "--name", spec.Name };
        var args = new List<string>(spec.Args);
        if (spec.Entrypoint is { Count: > 0 } entrypoint)
        {
            if (Flavor == OciFlavor.Podman)
            {
                argv.AddRange(["--entrypoint", JsonSerializer.Serialize(entrypoint)]);
            }
            else
            {
                argv.AddRange(["--entrypoint", entrypoint[0]]);
                args.InsertRange(0, entrypoint.Skip(1));
            }
        }

        foreach (var (name, value) in spec.Environment)
        {
            argv.AddRange(["--env", $"{name}={value}"]);
        }

        AddOptional(argv, "--env-file", envFilePath);
        foreach (var (key, value) in LabelCodec.Encode(spec.Labels))
        {
            argv.AddRange(OciRunFlags.ForLabel(key, value));
        }

        foreach (var port in spec.Ports)
        {
            argv.AddRange(["--publish", OciMountFormat.Publish(port)]);
        }

        foreach (var mount in spec.Mounts)
        {
            argv.AddRange(["--mount", OciMountFormat.Mount(mount)]);
        }

        if (spec.Cpus is { } cpus)
        {
            argv.AddRange(OciRunFlags.ForCpus(cpus));
        }

        if (spec.MemoryBytes is { } memory)
        {
            argv.AddRange(OciRunFlags.ForMemory(memory));
        }

        AddOptional(argv, "--network", spec.Network);
        foreach (var alias in spec.NetworkAliases)
        {
            argv.AddRange(["--network-alias", alias]);
        }

        foreach (var server in spec.Dns)
        {
            argv.AddRange(["--dns", server]);
        }

        if (Flavor == OciFlavor.Docker)
        {
            // The host address this dialect gives docker's containers (GetHostAddressAsync): Docker Desktop resolves it by
            // itself, a Linux engine only when asked (host-gateway, Engine 20.10 and later); podman adds its own name.
            argv.AddRange(["--add-host", "host.docker.internal:host-gateway"]);
        }

        if (spec.Init)
        {
            argv.AddRange(OciRunFlags.ForInit(enabled: true));
        }

        AddOptional(argv, "--platform", spec.Platform);
        AddOptional(argv, "--user", spec.User);
        AddOptional(argv, "--workdir", spec.WorkingDirectory);
        if (spec.ReadOnlyRootFilesystem)
        {
            argv.Add("--read-only");
        }

        // Verbatim, in order, after the mapped flags, as DCP appends a container's RunArgs.
        argv.AddRange(spec.RuntimeArgs);
        argv.Add(spec.Image);
        argv.AddRange(args);
        return argv;
    }

    public IReadOnlyList<string> Start(string id) => ["start", id];

    /// <summary>
    /// Extracts a tar read from stdin at the container's root, keeping the owners in its headers. podman's
    /// <c>--archive</c> (default true) chowns to the container's user, so it is turned off (as DCP passes it,
    /// <c>internal/podman/cli_orchestrator.go</c>); docker's <c>--archive</c> (default false) is what keeps the tar's
    /// uid/gid ("Archive mode (copy all uid/gid information)", docs.docker.com <c>container cp</c>), so it is turned on.
    /// </summary>
    public IReadOnlyList<string> CopyArchive(string id) =>
        ["cp", Flavor == OciFlavor.Podman ? "--archive=false" : "--archive", "-", $"{id}:/"];

    public IReadOnlyList<string> Stop(string id, TimeSpan gracePeriod) =>
        ["stop", "--time", ((int)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds))).ToString(CultureInfo.InvariantCulture), id];

    public IReadOnlyList<string> Kill(string id, string? signal) => ["kill", "--signal", signal ?? "KILL", id];

    public IReadOnlyList<string> Remove(string id, bool force, bool removeVolumes)
    {
        var argv = new List<string> { "rm" };
        if (force)
        {
            argv.Add("--force");
        }

        if (removeVolumes)
        {
            argv.Add("--volumes");
        }

        argv.Add(id);
        return argv;
    }

    public IReadOnlyList<string> Inspect(IEnumerable<string> ids) => ["container", "inspect", .. ids];

    public IReadOnlyList<string> ListIds(IReadOnlyDictionary<string, string> encodedLabels) =>
        ["ps", "--all", "--no-trunc", .. LabelFilters(encodedLabels), "--format", "{{.ID}}"];

    public IReadOnlyList<string> Logs(string id, bool follow) => follow ? ["logs", "--follow", id] : ["logs", id];

    public IReadOnlyList<string> Exec(string id, ExecSpec spec, string? sessionMarker)
    {
        var argv = new List<string> { "exec" };
        if (spec.StandardInput is not null)
        {
            argv.Add("--interactive");
        }

        foreach (var (name, value) in spec.Environment)
        {
            argv.AddRange(["--env", $"{name}={value}"]);
        }

        AddOptional(argv, "--env", sessionMarker is null ? null : $"{OciExecTerminator.MarkerVariable}={sessionMarker}");
        AddOptional(argv, "--workdir", spec.WorkingDirectory);
        AddOptional(argv, "--user", spec.User);
        argv.Add(id);
        argv.AddRange(spec.Command);
        return argv;
    }

    public IReadOnlyList<string> Top(string id) => ["top", id, "hpid", "pid", "ppid"];

    public IReadOnlyList<string> Wait(string id) => ["wait", id];

    /// <summary>
    /// Container deaths as JSON lines, replaying the last 10 s (so a death just before the stream subscribed is not
    /// missed); podman names the event <c>died</c>, docker <c>die</c>.
    /// </summary>
    public IReadOnlyList<string> ExitEvents() => Flavor == OciFlavor.Podman
        ? ["events", "--format", "json", "--since", "10s", "--filter", "type=container", "--filter", "event=died"]
        : ["events", "--format", "{{json .}}", "--since", "10s", "--filter", "type=container", "--filter", "event=die"];

    public IReadOnlyList<string> CreateVolume(VolumeSpec spec)
    {
        var argv = new List<string> { "volume", "create" };
        foreach (var (key, value) in LabelCodec.Encode(spec.Labels))
        {
            argv.AddRange(OciRunFlags.ForLabel(key, value));
        }

        argv.Add(spec.Name);
        return argv;
    }

    public IReadOnlyList<string> ListVolumeNames(IReadOnlyDictionary<string, string> encodedLabels) =>
        ["volume", "ls", .. LabelFilters(encodedLabels), "--format", "{{.Name}}"];

    public IReadOnlyList<string> InspectVolumes(IEnumerable<string> names) => ["volume", "inspect", .. names];

    public IReadOnlyList<string> RemoveVolume(string name) => ["volume", "rm", name];

    public IReadOnlyList<string> CreateNetwork(NetworkSpec spec)
    {
        var argv = new List<string> { "network", "create" };
        foreach (var (key, value) in LabelCodec.Encode(spec.Labels))
        {
            argv.AddRange(OciRunFlags.ForLabel(key, value));
        }

        argv.Add(spec.Name);
        return argv;
    }

    public IReadOnlyList<string> ListNetworkNames(IReadOnlyDictionary<string, string> encodedLabels) =>
        ["network", "ls", .. LabelFilters(encodedLabels), "--format", "{{.Name}}"];

    public IReadOnlyList<string> InspectNetworks(IEnumerable<string> names) => ["network", "inspect", .. names];

    public IReadOnlyList<string> RemoveNetwork(string name) => ["network", "rm", name];

    private static IEnumerable<string> LabelFilters(IReadOnlyDictionary<string, string> encodedLabels) =>
        encodedLabels.SelectMany(label => new[] { "--filter", $"label={label.Key}={label.Value}" });

    private static void AddOptional(List<string> argv, string option, string? value)
    {
        if (value is not null)
        {
            argv.AddRange([option, value]);
        }
    }
}
