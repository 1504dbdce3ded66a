using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Model;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Turns a container resource into the runtime-neutral <see cref="RunSpec"/> the bridge runs:
/// environment and arguments through Aspire's execution-configuration API, resolved against
/// <see cref="AppleContainerNetwork"/> so references reach their targets from inside the container; values built
/// from secret parameters become <see cref="RunSpec.SecretEnvironment"/>, and arguments built from them (or marked
/// sensitive) are marked in <see cref="RunSpec.SecretArgs"/>; ports from the localhost allocations.
/// </summary>
internal sealed class RunSpecFactory(DistributedApplicationExecutionContext executionContext, AppHostSession session, ContainerNetworkAllocator network)
{
    /// <summary>
    /// Resolves the spec of <paramref name="resource"/>. A persistent container's config hash label is not in it: the
    /// hash covers the image's id, known once the image is ensured (<see cref="ConfigurationHash.Stamp"/>).
    /// </summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> for a configuration that cannot run.</exception>
    public async Task<RunSpec> CreateAsync(ContainerResource resource, ILogger logger, CancellationToken cancellationToken)
    {
        var certificates = ContainerCertificatePaths.For(resource);
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .WithEnvironmentVariablesConfig()
            .WithContainerCertificatesConfig(certificates)
            .BuildAsync(executionContext, logger, cancellationToken).ConfigureAwait(false);
        if (configuration.Exception is { } failure)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The configuration of '{resource.Name}' could not be resolved: {failure.Message}", failure);
        }

        var annotations = GetDcpAnnotations(resource);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, (unprocessed, processed)) in configuration.EnvironmentVariablesWithUnprocessed)
        {
            var secret = SecretValues.ContainsSecret(unprocessed);
            var value = await ResolveAsync(resource, unprocessed, processed, cancellationToken).ConfigureAwait(false);
            (secret ? secrets : environment)[name] = ExpandTemplates(value, annotations, $"the environment variable {name}", secret, logger);
        }

        // A secret argument (AddNats's --pass) can reach the container process only as argv; it is marked so that the
        // bridge redacts it wherever that argv is logged or reported, and the snapshot masks it.
        var args = new List<string>();
        var secretArgs = new List<int>();
        foreach (var (unprocessed, processed, isSensitive) in configuration.ArgumentsWithUnprocessed)
        {
            if (isSensitive || SecretValues.ContainsSecret(unprocessed))
            {
                secretArgs.Add(args.Count);
            }

            var arg = await ResolveAsync(resource, unprocessed, processed, cancellationToken).ConfigureAwait(false);
            var secret = secretArgs.Count > 0 && secretArgs[^1] == args.Count;
            args.Add(ExpandTemplates(arg, annotations, $"argument {args.Count + 1}", secret, logger));
        }

        var (wrappedArgs, wrappedSecretArgs) = WrapForShell(resource, args, secretArgs);

        var spec = new RunSpec
        {
            Name = GetContainerName(resource),
            Image = GetImage(resource),
            Entrypoint = string.IsNullOrEmpty(resource.Entrypoint) ? null : [resource.Entrypoint],
            Args = wrappedArgs,
            SecretArgs = wrappedSecretArgs,
            Environment = environment,
            SecretEnvironment = secrets,
            Ports = await GetPortsAsync(resource, cancellationToken).ConfigureAwait(false),
            Mounts = GetMounts(resource, GetContainerName(resource)),

            // WithContainerFiles: the callbacks run now, as DCP runs them when it creates the container; then the
            // certificate files, which DCP writes after them (a callback that uses the key path makes the key file needed).
            Files =
            [
                .. await ContainerFiles.FromAnnotationsAsync(resource, executionContext.Services, ContainerCertificates.GetHttpsCertificateContext(configuration, certificates), cancellationToken).ConfigureAwait(false),
                .. await ContainerCertificates.BuildFileSetsAsync(configuration, certificates, cancellationToken).ConfigureAwait(false),
            ],
            Persistent = IsPersistent(resource),
        };

        // Limits, init and the user's labels come as runtime arguments (WithCpus, WithContainerLabel, ...), which DCP
        // passes to docker/podman run; the integration's own labels win over a user label of the same key.
        spec = ContainerRuntimeArgs.Apply(spec, await ContainerRuntimeArgs.EvaluateAsync(resource, cancellationToken).ConfigureAwait(false), resource.Name);
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in GetLabels(resource))
        {
            labels[key] = value;
        }

        // As DCP's ContainerCreator: every container joins the session network under its name, <name>.dev.internal and
        // each WithContainerNetworkAlias.
        if (network.Network is { } sessionNetwork && await sessionNetwork.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false) is { } networkName)
        {
            spec = spec with { Network = networkName, NetworkAliases = SessionNetwork.GetAliases(resource) };
        }

        return spec with { Labels = labels };
    }

    /// <summary>
    /// A resource with <see cref="ContainerResource.ShellExecution"/> (Redis, for one) runs its arguments as one shell
    /// command line, <c>-c "arg1 arg2 ..."</c>, as DCP runs it, so that <c>$VARIABLES</c> in them expand. That line is
    /// secret when any of <paramref name="secretArgs"/> (indexes into <paramref name="args"/>) is.
    /// </summary>
    public static (IReadOnlyList<string> Args, IReadOnlyList<int> SecretArgs) WrapForShell(ContainerResource resource, IReadOnlyList<string> args, IReadOnlyList<int> secretArgs)
    {
#pragma warning disable ASPIRECONTAINERSHELLEXECUTION001 // Honoured exactly as DCP honours it.
        return resource.ShellExecution == true && args.Count > 0
            ? (["-c", string.Join(' ', args)], secretArgs.Count > 0 ? [1] : [])
            : (args, secretArgs);
#pragma warning restore ASPIRECONTAINERSHELLEXECUTION001
    }

    /// <summary>Whether the resource keeps its container across AppHost runs.</summary>
    public static bool IsPersistent(IResource resource) =>
        resource.TryGetLastAnnotation<ContainerLifetimeAnnotation>(out var lifetime) && lifetime.Lifetime == ContainerLifetime.Persistent;

    /// <summary>The image to run: the one a Dockerfile build produces, else the stashed (run mode) or current image annotation.</summary>
    public static string GetImage(IResource resource)
    {
        if (resource.TryGetLastAnnotation<DockerfileBuildAnnotation>(out var build) && !string.IsNullOrEmpty(build.ImageName))
        {
            // As Aspire names the image it builds (TryGetContainerImageName prefers these over the image annotation).
            return $"{build.ImageName}:{(string.IsNullOrEmpty(build.ImageTag) ? "latest" : build.ImageTag)}";
        }

        if (resource.TryGetLastAnnotation<StashedContainerImageAnnotation>(out var stashed))
        {
            return stashed.Reference;
        }

        if (resource.TryGetLastAnnotation<ContainerImageAnnotation>(out var image))
        {
            return new StashedContainerImageAnnotation(image).Reference;
        }

        throw new BridgeException(BridgeErrorCode.InvalidSpec, $"'{resource.Name}' has no image.") { Option = "image" };
    }

    /// <summary>The container name: the resource's <c>WithContainerName</c>, else the resource name and a suffix per session (or per AppHost when persistent).</summary>
    public string GetContainerName(IResource resource) =>
        resource.TryGetLastAnnotation<ContainerNameAnnotation>(out var name)
            ? name.Name
            : $"{resource.Name}-{(IsPersistent(resource) ? session.AppHostKey : session.Id)[..8]}";

    /// <summary>
    /// The OpenTelemetry service instance id of the resource's container, as DCP computes it
    /// (<c>ResourceExtensions.GetOtelServiceInstanceId</c>): a session container's name suffix (this AppHost run's), a
    /// persistent container's whole default name (stable across runs, so its config hash stays the same). The dashboard
    /// shows a resource this integration runs under its resource name and matches telemetry to it by service name, as
    /// for DCP's containers; the instance id tells this run's telemetry from an earlier run's.
    /// </summary>
    public string GetOtelServiceInstanceId(IResource resource) =>
        IsPersistent(resource) ? $"{resource.Name}-{session.AppHostKey[..8]}" : session.Id[..8];

    /// <summary>The values of the DCP annotations Aspire's templates refer to, as DCP sets them on a container (<c>ContainerCreator</c>).</summary>
    public Dictionary<string, string> GetDcpAnnotations(IResource resource) => new(StringComparer.Ordinal)
    {
        [DcpTemplateExpander.OtelServiceNameAnnotation] = resource.Name,
        [DcpTemplateExpander.OtelServiceInstanceIdAnnotation] = GetOtelServiceInstanceId(resource),
    };

    /// <summary>
    /// <paramref name="value"/> with the DCP templates in it expanded; one this integration does not know is left as
    /// written and logged (a secret value's template text is not: only where it is).
    /// </summary>
    private static string ExpandTemplates(string value, IReadOnlyDictionary<string, string> annotations, string where, bool secret, ILogger logger) =>
        DcpTemplateExpander.Expand(value, annotations, template =>
        {
            if (secret)
            {
                logger.LogWarning("The value of {Where} has a DCP template this integration does not expand; it is passed as written.", where);
            }
            else
            {
                logger.LogWarning("The value of {Where} has a DCP template this integration does not expand; it is passed as written: {Template}", where, template);
            }
        });

    /// <summary>The labels the integration finds its containers by.</summary>
    public Dictionary<string, string> GetLabels(IResource resource)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        labels[ContainerLabels.Managed] = "true";
        labels[ContainerLabels.Session] = session.Id;
        labels[ContainerLabels.Owner] = session.Owner;
        labels[ContainerLabels.AppHost] = session.AppHostKey;
        labels[ContainerLabels.Resource] = resource.Name;
        labels[ContainerLabels.Lifetime] = IsPersistent(resource) ? ContainerLabels.PersistentLifetime : ContainerLabels.SessionLifetime;
        return labels;
    }

    /// <summary>One published port per endpoint, on the host port of its localhost allocation (made before start).</summary>
    private static async Task<List<PortMapping>> GetPortsAsync(IResource resource, CancellationToken cancellationToken)
    {
        var ports = new List<PortMapping>();
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (EndpointAllocator.GetContainerPort(resource, endpoint) is not { } containerPort)
            {
                throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The endpoint '{endpoint.Name}' of '{resource.Name}' has no target port.") { Option = "publish" };
            }

            // The localhost allocation is the host port; a requested one the allocator could not take (not a port) has
            // none, so it goes into the spec as asked and the bridge's RunSpecValidator fails the resource with a coded error.
            var requested = EndpointAllocator.GetRequestedHostPort(resource, endpoint);
            var hostPort = requested is { } asked && !RunSpecValidator.IsPort(asked)
                ? asked
                : (await endpoint.AllAllocatedEndpoints.GetAllocatedEndpointAsync(KnownNetworkIdentifiers.LocalhostNetwork, cancellationToken).ConfigureAwait(false)).Port;
            var protocol = endpoint.Protocol == ProtocolType.Udp ? PortProtocol.Udp : PortProtocol.Tcp;
            ports.Add(new PortMapping(containerPort, hostPort, EndpointAllocator.LoopbackAddress, protocol));
        }

        return ports;
    }

    private static List<MountSpec> GetMounts(IResource resource, string containerName)
    {
        var mounts = new List<MountSpec>();
        var index = 0;
        foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>())
        {
            mounts.Add(mount.Type == ContainerMountType.BindMount
                ? new MountSpec(MountKind.Bind, Path.GetFullPath(mount.Source ?? string.Empty), mount.Target, mount.IsReadOnly)
                : new MountSpec(MountKind.Volume, mount.Source ?? AnonymousVolumeName(containerName, index), mount.Target, mount.IsReadOnly));
            index++;
        }

        return mounts;
    }

    /// <summary>Whether <paramref name="mount"/> is a volume the integration named for an anonymous <c>WithVolume</c>.</summary>
    public static bool IsAnonymousVolume(RunSpec spec, MountSpec mount) =>
        mount.Kind == MountKind.Volume && mount.Source?.StartsWith(AnonymousVolumeName(spec.Name, string.Empty), StringComparison.Ordinal) == true;

    private static string AnonymousVolumeName(string containerName, object index) => $"{containerName}-anon-{index}";

    private async Task<string> ResolveAsync(IResource resource, object unprocessed, string processed, CancellationToken cancellationToken)
    {
        if (unprocessed is not IValueProvider provider)
        {
            return processed;
        }

        if (unprocessed is HostUrl hostUrl)
        {
            // Resolved by Aspire, it asks DCP for DCP's container host name and keeps a port that a container cannot
            // reach when the host listener is bound to 127.0.0.1.
            return await network.ResolveHostUrlAsync(hostUrl.Url, cancellationToken).ConfigureAwait(false);
        }

        await network.EnsureAllocatedAsync(unprocessed, cancellationToken).ConfigureAwait(false);
        var context = new ValueProviderContext { ExecutionContext = executionContext, Caller = resource, Network = AppleContainerNetwork.Id };
        return await provider.GetValueAsync(context, cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }
}
