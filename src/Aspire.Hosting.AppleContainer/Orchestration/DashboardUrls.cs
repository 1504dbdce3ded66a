using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Makes a resource's endpoint URLs the ones DCP's containers show. Aspire builds them from the localhost allocation
/// (<c>ApplicationOrchestrator.ProcessResourceUrlCallbacks</c>): its address, plus the endpoint's target host as a second
/// URL when the two differ. DCP allocates <c>localhost</c> for a <c>localhost</c> (default) target host, so its
/// containers show one URL, <c>tcp://localhost:P</c>; this integration allocates <c>127.0.0.1</c> (where it publishes
/// the port, so clients never try <c>::1</c>), which would show <c>tcp://127.0.0.1:P</c> and <c>tcp://localhost:P</c>.
/// </summary>
internal static class DashboardUrls
{
    private const string Localhost = "localhost";

    /// <summary>
    /// Adds the URL callback to <paramref name="resource"/>, ahead of every other: the user's <c>WithUrls</c> and
    /// <c>WithUrlForEndpoint</c> callbacks then see the URLs DCP would have given them.
    /// </summary>
    public static void Add(IResource resource) =>
        resource.Annotations.Insert(0, new ResourceUrlsCallbackAnnotation(context =>
        {
            Normalize(context.Urls);
            return Task.CompletedTask;
        }));

    /// <summary>
    /// Shows an endpoint URL on the loopback allocation under <c>localhost</c> when the endpoint's target host is
    /// <c>localhost</c> (or a <c>*.localhost</c> name), as DCP allocates it, and drops the endpoint's later URLs that are then the same.
    /// </summary>
    public static void Normalize(List<ResourceUrlAnnotation> urls)
    {
        var seen = new HashSet<(string? Endpoint, string Url)>();
        for (var i = 0; i < urls.Count; i++)
        {
            var url = urls[i];
            if (url.Endpoint is { } endpoint && IsLocalhost(endpoint.EndpointAnnotation.TargetHost)
                && Uri.TryCreate(url.Url, UriKind.Absolute, out var uri) && uri.Host == EndpointAllocator.LoopbackAddress)
            {
                var loopback = $"{uri.Scheme}://{EndpointAllocator.LoopbackAddress}";
                if (url.Url.StartsWith(loopback, StringComparison.OrdinalIgnoreCase))
                {
                    url.Url = $"{uri.Scheme}://{Localhost}{url.Url[loopback.Length..]}";
                }
            }

            if (url.Endpoint is not null && !seen.Add((url.Endpoint.EndpointName, url.Url)))
            {
                urls.RemoveAt(i--);
            }
        }
    }

    private static bool IsLocalhost(string? host) =>
        string.IsNullOrEmpty(host)
        || string.Equals(host, Localhost, StringComparison.OrdinalIgnoreCase)
        || host.EndsWith("." + Localhost, StringComparison.OrdinalIgnoreCase);
}
