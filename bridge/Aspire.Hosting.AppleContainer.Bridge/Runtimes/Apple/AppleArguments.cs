using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Pure argv builders for Apple's <c>container</c> CLI 1.x (flags from Sources/Services/ContainerAPIService/Client/Flags.swift
/// and Sources/ContainerCommands/** @1.0.0, unchanged through 1.2.2). No process runs here, so every argv is golden-testable.
/// </summary>
internal static class AppleArguments
{
    /// <summary>
    /// The label that marks a container created from a <see cref="RunSpec.Persistent"/> spec, so that whichever process
    /// starts it later knows to start it detached.
    /// </summary>
    public const string PersistentLabel = "io.aspire.applecontainer.bridge.persistent";

    /// <summary>Whether a container's (decoded) labels mark it persistent.</summary>
    public static bool IsPersistent(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(PersistentLabel, out var value) && value == "true";

    public static IReadOnlyList<string> Version() => ["--version"];

    public static IReadOnlyList<string> SystemStatus() => ["system", "status", "--format", "json"];

    /// <summary><c>create</c>: every environment variable (plain and secret) goes through <paramref name="envFilePath"/>, never the argv.</summary>
    public static IReadOnlyList<string> Create(RunSpec spec, string? envFilePath)
    {
        var argv = new List<string> { "create", "--name", spec.Name };
        if (spec.Entrypoint is { Count: > 0 } entrypoint)
        {
            argv.AddRange(["--entrypoint", entrypoint[0]]);
        }

        if (envFilePath is not null)
        {
            argv.AddRange(["--env-file", envFilePath]);
        }

        AddIf(argv, "--workdir", spec.WorkingDirectory);
        AddIf(argv, "--user", spec.User);
        foreach (var port in spec.Ports)
        {
            argv.AddRange(["--publish", Publish(port)]);
        }

        foreach (var mount in spec.Mounts)
        {
            argv.AddRange(["--mount", Mount(mount)]);
        }

        var labels = spec.Persistent ? new Dictionary<string, string>(spec.Labels) { [PersistentLabel] = "true" } : spec.Labels;
        foreach (var (key, value) in LabelCodec.Encode(labels).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--label", $"{key}={value}"]);
        }

        if (spec.Cpus is { } cpus)
        {
            argv.AddRange(["--cpus", ((long)cpus).ToString(CultureInfo.InvariantCulture)]);
        }

        if (spec.MemoryBytes is { } memory)
        {
            argv.AddRange(["--memory", MemoryInMebibytes(memory)]);
        }

        AddIf(argv, "--network", spec.Network);
        foreach (var server in spec.Dns)
        {
            argv.AddRange(["--dns", server]);
        }

        if (spec.Init)
        {
            argv.Add("--init");
        }

        AddIf(argv, "--platform", spec.Platform);
        if (spec.ReadOnlyRootFilesystem)
        {
            argv.Add("--read-only");
        }

        argv.Add(spec.Image);
        if (spec.Entrypoint is { Count: > 1 } withArguments)
        {
            argv.AddRange(withArguments.Skip(1));
        }

        argv.AddRange(spec.Args);
        return argv;
    }

    /// <summary>The attached start whose process ends with the container's exit status (ContainerStart.swift @1.0.0).</summary>
    public static IReadOnlyList<string> StartAttached(string id) => ["start", "--attach", id];

    public static IReadOnlyList<string> Start(string id) => ["start", id];

    /// <summary><c>stop --time</c> takes whole seconds (Int32, default 5; ContainerStop.swift @1.0.0); the grace period is rounded up.</summary>
    public static IReadOnlyList<string> Stop(string id, TimeSpan gracePeriod) =>
        ["stop", "--time", ((int)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds))).ToString(CultureInfo.InvariantCulture), id];

    public static IReadOnlyList<string> Kill(string id, string? signal) => ["kill", "--signal", signal ?? "KILL", id];

    /// <summary><c>delete</c> has no flag for anonymous volumes (ContainerDelete.swift @1.0.0).</summary>
    public static IReadOnlyList<string> Delete(string id, bool force) => force ? ["delete", "--force", id] : ["delete", id];

    /// <summary><c>inspect</c> always prints JSON and fails the whole call for a missing id, so one id per call.</summary>
    public static IReadOnlyList<string> Inspect(string id) => ["inspect", id];

    public static IReadOnlyList<string> List() => ["list", "--all", "--format", "json"];

    /// <summary><c>logs</c> has no timestamps and no stream separation (ContainerLogs.swift @1.0.0).</summary>
    public static IReadOnlyList<string> Logs(string id, bool follow) => follow ? ["logs", "--follow", id] : ["logs", id];

    public static IReadOnlyList<string> Exec(string id, ExecSpec spec, string? envFilePath)
    {
        var argv = new List<string> { "exec" };
        if (spec.StandardInput is not null)
        {
            argv.Add("--interactive");
        }

        if (envFilePath is not null)
        {
            argv.AddRange(["--env-file", envFilePath]);
        }

        AddIf(argv, "--workdir", spec.WorkingDirectory);
        AddIf(argv, "--user", spec.User);
        argv.Add(id);
        argv.AddRange(spec.Command);
        return argv;
    }

    public static IReadOnlyList<string> ImageInspect(string image) => ["image", "inspect", image];

    /// <summary>Several images in one call; it fails as not found when any is missing (ImageInspect.swift @1.0.0).</summary>
    public static IReadOnlyList<string> ImageInspect(IReadOnlyList<string> images) => ["image", "inspect", .. images];

    /// <summary>
    /// <c>image pull</c> with a platform always: without one, DefaultPlatform.resolve returns nil and every platform of a
    /// multi-platform image is pulled and unpacked (ImagePull.swift@1.2.2:73, DefaultPlatform.swift@1.2.2:62-93).
    /// </summary>
    /// <remarks>The scheme as for <see cref="ImagePush"/>: <c>image pull</c> takes the same Flags.Registry (ImagePull.swift@1.2.2:31-32, 82).</remarks>
    public static IReadOnlyList<string> ImagePull(string image, string platform) =>
        ["image", "pull", "--progress", "plain", .. SchemeFlags(image), "--platform", platform, image];

    /// <summary><c>image tag source target</c> (ImageTag.swift@1.2.2:27-44; prints the target).</summary>
    public static IReadOnlyList<string> ImageTag(string source, string target) => ["image", "tag", source, target];

    /// <summary>
    /// <c>image push --progress plain [--scheme http] ref</c> (ImagePush.swift@1.2.2:27-82). Under the CLI's default
    /// <c>--scheme auto</c> the scheme is decided from the reference's domain with its port
    /// (ClientImage.swift@1.2.2:384-393, RequestScheme.swift@1.2.2:46-96), so <c>127.0.0.1:5000/x</c> would be HTTPS:
    /// the bridge applies <see cref="RegistryHost"/> to the host alone and passes <c>--scheme http</c> for an internal one.
    /// </summary>
    public static IReadOnlyList<string> ImagePush(string image) => ["image", "push", "--progress", "plain", .. SchemeFlags(image), image];

    /// <summary>
    /// <c>registry login --username U --password-stdin [--scheme http] server</c> (RegistryLogin.swift@1.2.2:27-98): the
    /// password is read from standard input to its end and trimmed; the scheme follows the same rule as a push
    /// (the login pings <c>/v2/</c> with <c>RequestScheme.schemeFor(host:)</c> of the server with its port, line 73).
    /// </summary>
    public static IReadOnlyList<string> RegistryLogin(string server, string username) =>
        ["registry", "login", "--username", username, "--password-stdin", .. SchemeFlags(server), server];

    /// <summary><c>image save --output path refs…</c> (ImageSave.swift@1.2.2: one OCI archive; prints each reference).</summary>
    public static IReadOnlyList<string> ImageSave(IReadOnlyList<string> images, string archivePath) => ["image", "save", "--output", archivePath, .. images];

    /// <summary><c>image load --input path</c> (ImageLoad.swift@1.2.2: prints one loaded reference per line).</summary>
    public static IReadOnlyList<string> ImageLoad(string archivePath) => ["image", "load", "--input", archivePath];

    public static IReadOnlyList<string> ImageDelete(string image) => ["image", "delete", image];

    public static IReadOnlyList<string> BuilderStatus() => ["builder", "status", "--format", "json"];

    public static IReadOnlyList<string> BuilderStart() => ["builder", "start"];

    /// <summary>
    /// <c>build</c> (BuildCommand.swift @1.0.0); secrets as <c>id=&lt;id&gt;,src=&lt;file&gt;</c>. The CLI hands each
    /// <c>--build-arg</c> string to the builder VM as it is (BuildCommand.swift@1.2.2:63-64,379; Builder.swift@1.2.2:356-357),
    /// so nothing takes a value-less one from the AppHost's environment: a <see cref="BuildSpec.BuildArgsFromEnvironment"/>
    /// name is resolved here through <paramref name="environment"/> and left out when it has no value, as docker leaves it unset.
    /// </summary>
    public static IReadOnlyList<string> Build(BuildSpec spec, IReadOnlyDictionary<string, string> secretFiles, Func<string, string?> environment)
    {
        var argv = new List<string> { "build", "--progress", "plain" };
        AddIf(argv, "--file", spec.Dockerfile);
        foreach (var tag in spec.Tags)
        {
            argv.AddRange(["--tag", tag]);
        }

        var fromEnvironment = spec.BuildArgsFromEnvironment
            .Select(name => (Key: name, Value: environment(name)))
            .Where(arg => arg.Value is not null)
            .Select(arg => new KeyValuePair<string, string>(arg.Key, arg.Value!));
        foreach (var (key, value) in spec.BuildArgs.Concat(fromEnvironment).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--build-arg", $"{key}={value}"]);
        }

        foreach (var (key, value) in LabelCodec.Encode(spec.Labels).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--label", $"{key}={value}"]);
        }

        foreach (var (id, path) in secretFiles.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--secret", $"id={id},src={path}"]);
        }

        AddIf(argv, "--target", spec.Target);
        AddIf(argv, "--platform", spec.Platform);
        if (spec.NoCache)
        {
            argv.Add("--no-cache");
        }

        argv.Add(spec.ContextDirectory);
        return argv;
    }

    public static IReadOnlyList<string> VolumeCreate(VolumeSpec spec)
    {
        var argv = new List<string> { "volume", "create" };
        foreach (var (key, value) in LabelCodec.Encode(spec.Labels).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--label", $"{key}={value}"]);
        }

        argv.Add(spec.Name);
        return argv;
    }

    public static IReadOnlyList<string> VolumeList() => ["volume", "list", "--format", "json"];

    public static IReadOnlyList<string> VolumeDelete(string name) => ["volume", "delete", name];

    public static IReadOnlyList<string> NetworkInspect(string name) => ["network", "inspect", name];

    /// <summary><c>network create [--label k=v]… name</c> (NetworkCreate.swift@1.2.2: NAT mode, the vmnet plugin by default).</summary>
    public static IReadOnlyList<string> NetworkCreate(NetworkSpec spec)
    {
        var argv = new List<string> { "network", "create" };
        foreach (var (key, value) in LabelCodec.Encode(spec.Labels).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            argv.AddRange(["--label", $"{key}={value}"]);
        }

        argv.Add(spec.Name);
        return argv;
    }

    public static IReadOnlyList<string> NetworkList() => ["network", "list", "--format", "json"];

    public static IReadOnlyList<string> NetworkDelete(string name) => ["network", "delete", name];

    /// <summary><c>[host-ip:]host-port:container-port[/protocol]</c>, IPv6 hosts in brackets (Parser.publishPort @1.0.0).</summary>
    public static string Publish(PortMapping port)
    {
        var address = IPAddress.Parse(port.HostAddress);
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{port.HostAddress}]" : port.HostAddress;
        var protocol = port.Protocol == PortProtocol.Udp ? "udp" : "tcp";
        return string.Create(CultureInfo.InvariantCulture, $"{host}:{port.HostPort}:{port.ContainerPort}/{protocol}");
    }

    /// <summary><c>type=&lt;bind|volume|tmpfs&gt;,source=…,target=…[,readonly]</c> (Parser.mount @1.0.0).</summary>
    public static string Mount(MountSpec mount)
    {
        var text = mount.Kind switch
        {
            MountKind.Bind => $"type=bind,source={mount.Source},target={mount.Target}",
            MountKind.Volume => $"type=volume,source={mount.Source},target={mount.Target}",
            _ => $"type=tmpfs,target={mount.Target}",
        };
        return mount.ReadOnly ? text + ",readonly" : text;
    }

    /// <summary><c>--memory</c> has 1 MiB granularity (Flags.swift @1.0.0); bytes are rounded up to whole MiB.</summary>
    public static string MemoryInMebibytes(long bytes) =>
        ((bytes + (1024 * 1024) - 1) / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "M";

    private static void AddIf(List<string> argv, string flag, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            argv.AddRange([flag, value]);
        }
    }

    /// <summary><c>--scheme http</c> for a registry on an internal host (<see cref="RegistryHost.IsInternal"/>), else nothing: Apple's default (<c>auto</c>).</summary>
    private static IEnumerable<string> SchemeFlags(string registryOrImage) => RegistryHost.IsInternal(registryOrImage) ? ["--scheme", "http"] : [];
}
