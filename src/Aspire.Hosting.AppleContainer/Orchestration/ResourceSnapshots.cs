using System.Collections.Immutable;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>The dashboard snapshots of a container's lifecycle, with the property names DCP uses for containers.</summary>
internal static class ResourceSnapshots
{
    /// <summary>NotStarted: an explicit-start resource waiting for the start command, URLs inactive.</summary>
    public static CustomResourceSnapshot NotStarted(CustomResourceSnapshot s) => s with
    {
        State = KnownResourceStates.NotStarted,
        Urls = SetInactive(s.Urls, true),
    };

    /// <summary>
    /// Starting: previous run's details cleared, URLs inactive, and the image shown, as Aspire's ApplicationOrchestrator
    /// shows a DCP container's image once it starts (OnResourceStarting).
    /// </summary>
    public static CustomResourceSnapshot Starting(CustomResourceSnapshot s, string image) => s with
    {
        State = KnownResourceStates.Starting,
        ExitCode = null,
        StopTimeStamp = null,
        Urls = SetInactive(s.Urls, true),
        Properties = WithProperties(s.Properties, [ContainerProperties.Create(ContainerProperties.Image, image)]),
    };

    /// <summary>
    /// Running: container details typed and marked as DCP's (ResourceSnapshotBuilder.ToSnapshot(Container): the target
    /// ports as numbers, the lifetime as a <see cref="ContainerLifetime"/>, Aspire's display metadata:
    /// <see cref="ContainerProperties"/>), environment (secrets left out), arguments (<see cref="ArgsSnapshot"/>), volumes, active URLs; see <see cref="Inspected"/>.</summary>
    public static CustomResourceSnapshot Running(CustomResourceSnapshot s, RunSpec spec, string containerId, string runtime, bool persistent) => s with
    {
        State = KnownResourceStates.Running,
        CreationTimeStamp = s.CreationTimeStamp ?? DateTime.UtcNow,
        StartTimeStamp = DateTime.UtcNow,
        StopTimeStamp = null,
        ExitCode = null,
        Urls = SetInactive(s.Urls, false),
        EnvironmentVariables = [.. spec.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new EnvironmentVariableSnapshot(e.Key, e.Value, true))],
        Volumes = [.. spec.Mounts.Select(m => new VolumeSnapshot(m.Source, m.Target, m.Kind == MountKind.Bind ? "bind" : m.Kind.ToString().ToLowerInvariant(), m.ReadOnly))],
        Properties = ArgsSnapshot.Apply(
            WithProperties(
                WithProperties(s.Properties, new Dictionary<string, object?> { ["container.runtime"] = runtime, ["applecontainer.error"] = null }),
                [
                    ContainerProperties.Create(ContainerProperties.Id, containerId),
                    ContainerProperties.Create(ContainerProperties.Image, spec.Image),
                    ContainerProperties.Create(ContainerProperties.Ports, ImmutableArray.CreateRange(spec.Ports.Select(p => p.ContainerPort))),
                    ContainerProperties.Create(ContainerProperties.Command, spec.Entrypoint is null ? null : string.Join(' ', spec.Entrypoint)),
                    ContainerProperties.Create(ContainerProperties.Lifetime, persistent ? ContainerLifetime.Persistent : ContainerLifetime.Session),
                ]),
            spec),
    };

    /// <summary>What an inspect of the running container adds: the runtime's timestamps and the container's address.</summary>
    public static CustomResourceSnapshot Inspected(CustomResourceSnapshot s, ContainerInfo info) => s with
    {
        CreationTimeStamp = info.CreatedAt?.UtcDateTime ?? s.CreationTimeStamp,
        StartTimeStamp = info.StartedAt?.UtcDateTime ?? s.StartTimeStamp,
        Properties = WithProperties(s.Properties, new Dictionary<string, object?> { ["container.ip"] = info.IpAddress }),
    };

    /// <summary>Exited, with the exit code when the runtime knows it (null otherwise, never a made-up 0).</summary>
    public static CustomResourceSnapshot Exited(CustomResourceSnapshot s, ContainerExit exit) => s with
    {
        State = new ResourceStateSnapshot(KnownResourceStates.Exited, exit.ExitCode is null or 0 ? KnownResourceStateStyles.Info : KnownResourceStateStyles.Error),
        ExitCode = exit.ExitCode,
        StopTimeStamp = exit.FinishedAt?.UtcDateTime ?? DateTime.UtcNow,
        Urls = SetInactive(s.Urls, true),
    };

    /// <summary>FailedToStart, with the coded message as a property.</summary>
    public static CustomResourceSnapshot FailedToStart(CustomResourceSnapshot s, string message) => s with
    {
        State = new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error),
        StopTimeStamp = DateTime.UtcNow,
        Urls = SetInactive(s.Urls, true),
        Properties = WithProperties(s.Properties, new Dictionary<string, object?> { ["applecontainer.error"] = message }),
    };

    /// <summary>The snapshot's properties with <paramref name="updates"/> in place of those of the same names (a null value removes one).</summary>
    public static ImmutableArray<ResourcePropertySnapshot> WithProperties(ImmutableArray<ResourcePropertySnapshot> properties, IReadOnlyList<ResourcePropertySnapshot> updates)
    {
        var names = updates.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        return [.. properties.Where(p => !names.Contains(p.Name)), .. updates.Where(u => u.Value is not null)];
    }

    /// <summary>The snapshot's properties with <paramref name="updates"/> applied (a null value removes one).</summary>
    public static ImmutableArray<ResourcePropertySnapshot> WithProperties(ImmutableArray<ResourcePropertySnapshot> properties, IReadOnlyDictionary<string, object?> updates)
    {
        var kept = properties.Where(p => !updates.ContainsKey(p.Name));
        var added = updates.Where(u => u.Value is not null).Select(u => new ResourcePropertySnapshot(u.Key, u.Value));
        return [.. kept, .. added];
    }

    private static ImmutableArray<UrlSnapshot> SetInactive(ImmutableArray<UrlSnapshot> urls, bool inactive) =>
        urls.IsDefault ? urls : [.. urls.Select(u => u with { IsInactive = inactive })];
}
