using System.Collections.Immutable;
using System.Reflection;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>A container's properties on the dashboard are named, typed and marked as DCP's containers' are.</summary>
public class ResourceSnapshotsTests
{
    private static readonly RunSpec Spec = new()
    {
        Name = "web-1234abcd",
        Image = "localhost/actr-test/service:latest",
        Entrypoint = ["/bin/sh"],
        Ports = [new PortMapping(8080, 49152, "127.0.0.1"), new PortMapping(53, 49153, "127.0.0.1", PortProtocol.Udp)],
    };

    private static readonly string[] Names =
        [ContainerProperties.Image, ContainerProperties.Id, ContainerProperties.Command, ContainerProperties.Args, ContainerProperties.Ports, ContainerProperties.Lifetime];

    [Fact]
    public void A_running_snapshot_has_the_target_ports_as_numbers_and_the_lifetime_as_a_ContainerLifetime_as_DCP_publishes_them()
    {
        var snapshot = ResourceSnapshots.Running(new CustomResourceSnapshot { ResourceType = "Container", Properties = [] }, Spec, "abc123", "podman", persistent: true);

        Assert.Equal([8080, 53], ((ImmutableArray<int>)Property(snapshot, ContainerProperties.Ports).Value!).ToArray());
        Assert.Equal(ContainerLifetime.Persistent, Property(snapshot, ContainerProperties.Lifetime).Value);
        Assert.Equal("localhost/actr-test/service:latest", Property(snapshot, ContainerProperties.Image).Value);
        Assert.Equal("abc123", Property(snapshot, ContainerProperties.Id).Value);
        Assert.Equal("/bin/sh", Property(snapshot, ContainerProperties.Command).Value);
        Assert.All(Names, name => Assert.False(Property(snapshot, name).IsSensitive && name != ContainerProperties.Args));
    }

    [Fact]
    public void Every_container_property_carries_the_display_name_highlight_and_sort_order_Aspire_gives_DCPs_containers()
    {
        // Aspire.Hosting 13.6.5's own table (internal: Aspire.Hosting.Dashboard.ResourcePropertySnapshotMetadata.Get).
        var get = typeof(ResourcePropertySnapshot).Assembly.GetType("Aspire.Hosting.Dashboard.ResourcePropertySnapshotMetadata", throwOnError: true)!
            .GetMethod("Get", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        var snapshot = ResourceSnapshots.Running(new CustomResourceSnapshot { ResourceType = "Container", Properties = [] }, Spec, "abc123", "podman", persistent: false);

        foreach (var name in Names)
        {
            var expected = ((string? DisplayName, bool IsHighlighted, int? SortOrder))get.Invoke(null, ["Container", name])!;
            var property = Property(snapshot, name);
            Assert.Equal(expected, (property.DisplayName, property.IsHighlighted, property.SortOrder));
            Assert.NotNull(expected.DisplayName);
        }
    }

    [Fact]
    public void A_starting_snapshot_already_shows_the_image_as_Aspire_shows_a_DCP_containers_on_start()
    {
        var snapshot = ResourceSnapshots.Starting(new CustomResourceSnapshot { ResourceType = "Container", Properties = [] }, "localhost/actr-test/service:latest");

        var image = Property(snapshot, ContainerProperties.Image);
        Assert.Equal(("localhost/actr-test/service:latest", "Container image", true), (image.Value, image.DisplayName, image.IsHighlighted));
    }

    private static ResourcePropertySnapshot Property(CustomResourceSnapshot snapshot, string name) => Assert.Single(snapshot.Properties, p => p.Name == name);
}
