using System.Collections.Immutable;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// A container's arguments on the dashboard, marked as DCP marks them (Aspire's Dcp/ResourceSnapshotBuilder.cs):
/// <c>container.args</c> always sensitive, and the launch arguments with one 0/1 flag each, sensitive when any is
/// secret, so the dashboard masks each secret argument (<see cref="RunSpec.SecretArgs"/>) and shows the others.
/// </summary>
internal static class ArgsSnapshot
{
    /// <summary>The container's arguments (Aspire's <c>KnownProperties.Container.Args</c>).</summary>
    public const string ContainerArgs = ContainerProperties.Args;

    /// <summary>The launch arguments (Aspire's <c>KnownProperties.Resource.AppArgs</c>).</summary>
    public const string AppArgs = "resource.appArgs";

    /// <summary>One flag per launch argument, 1 when it is secret (Aspire's <c>KnownProperties.Resource.AppArgsSensitivity</c>).</summary>
    public const string AppArgsSensitivity = "resource.appArgsSensitivity";

    /// <summary><paramref name="properties"/> with the argument properties of <paramref name="spec"/> in place of any earlier ones.</summary>
    public static ImmutableArray<ResourcePropertySnapshot> Apply(ImmutableArray<ResourcePropertySnapshot> properties, RunSpec spec)
    {
        var anySecret = spec.SecretArgs.Count > 0;
        var args = ImmutableArray.CreateRange(spec.Args);
        return
        [
            .. properties.Where(p => p.Name is not (ContainerArgs or AppArgs or AppArgsSensitivity)),
            ContainerProperties.Create(ContainerArgs, args, isSensitive: true),
            new ResourcePropertySnapshot(AppArgs, args) { IsSensitive = anySecret },
            new ResourcePropertySnapshot(AppArgsSensitivity, ImmutableArray.CreateRange(spec.Args.Select((_, i) => spec.SecretArgs.Contains(i) ? 1 : 0))) { IsSensitive = anySecret },
        ];
    }
}
