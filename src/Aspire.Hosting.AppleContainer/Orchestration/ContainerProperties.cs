using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// The container properties DCP's containers show (Aspire's <c>KnownProperties.Container</c>), with the dashboard
/// metadata Aspire gives them (Dashboard/ResourcePropertySnapshotMetadata.cs: display name, highlighted, sort order;
/// the display names are Aspire.Hosting's MessageStrings <c>ResourcePropertyContainer*DisplayName</c>), so the
/// dashboard lists them alike for both.
/// </summary>
internal static class ContainerProperties
{
    /// <summary>The image reference.</summary>
    public const string Image = "container.image";

    /// <summary>The runtime's container id.</summary>
    public const string Id = "container.id";

    /// <summary>The entrypoint override.</summary>
    public const string Command = "container.command";

    /// <summary>The arguments (always sensitive, as DCP marks them).</summary>
    public const string Args = "container.args";

    /// <summary>The container (target) ports, as an array of numbers.</summary>
    public const string Ports = "container.ports";

    /// <summary>The <see cref="ContainerLifetime"/>.</summary>
    public const string Lifetime = "container.lifetime";

    /// <summary><paramref name="name"/> with <paramref name="value"/> and Aspire's display metadata for it.</summary>
    public static ResourcePropertySnapshot Create(string name, object? value, bool isSensitive = false)
    {
        var (displayName, isHighlighted, sortOrder) = Metadata(name);
        return new ResourcePropertySnapshot(name, value) { IsSensitive = isSensitive, DisplayName = displayName, IsHighlighted = isHighlighted, SortOrder = sortOrder };
    }

    /// <summary>Aspire's display name, highlight and sort order for a container property (none for another name).</summary>
    public static (string? DisplayName, bool IsHighlighted, int? SortOrder) Metadata(string name) => name switch
    {
        Image => ("Container image", true, 0),
        Id => ("Container ID", true, 1),
        Command => ("Container command", true, 2),
        Args => ("Container arguments", true, 3),
        Ports => ("Container ports", true, 4),
        Lifetime => ("Container lifetime", true, 5),
        _ => (null, false, null),
    };
}
