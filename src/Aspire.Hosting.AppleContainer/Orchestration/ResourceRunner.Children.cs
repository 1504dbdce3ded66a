using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Snapshots and events that reach the resource's children as well (see <see cref="ChildResources"/>).</summary>
internal sealed partial class ResourceRunner
{
    private IReadOnlyList<IResource> Children =>
        _services.GetService<DistributedApplicationModel>() is { } model ? ChildResources.Of(model, Resource) : [];

    /// <summary>Publishes a snapshot of the resource and gives its children the same state and timestamps.</summary>
    private async Task<CustomResourceSnapshot> PublishAsync(Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        CustomResourceSnapshot? published = null;
        await _notifications.PublishUpdateAsync(Resource, s => published = update(s)).ConfigureAwait(false);
        foreach (var child in Children)
        {
            await _notifications.PublishUpdateAsync(child, s => s with
            {
                State = published!.State,
                StartTimeStamp = published.StartTimeStamp,
                StopTimeStamp = published.StopTimeStamp,
            }).ConfigureAwait(false);
        }

        return published!;
    }

    /// <summary>
    /// Publishes ConnectionStringAvailableEvent once, for the resource when it has a connection string and for each
    /// child that has one: integrations capture the value for their health checks there (Redis's check fails without it).
    /// </summary>
    private async Task AnnounceConnectionStringAsync(CancellationToken cancellationToken)
    {
        if (_connectionStringAnnounced)
        {
            return;
        }

        _connectionStringAnnounced = true;
        foreach (var resource in Children.Prepend(Resource).OfType<IResourceWithConnectionString>())
        {
            await _eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, _services), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes ResourceStoppedEvent for the resource and its children.</summary>
    private async Task AnnounceStoppedAsync(CustomResourceSnapshot snapshot)
    {
        foreach (var resource in Children.Prepend(Resource))
        {
            await _eventing.PublishAsync(new ResourceStoppedEvent(resource, _services, new ResourceEvent(resource, resource.Name, snapshot)), CancellationToken.None).ConfigureAwait(false);
        }
    }
}
