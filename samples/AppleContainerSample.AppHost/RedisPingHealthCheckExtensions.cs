using Microsoft.Extensions.DependencyInjection;

namespace AppleContainerSample.AppHost;

/// <summary>Registers <see cref="RedisPingHealthCheck"/> for a container resource.</summary>
internal static class RedisPingHealthCheckExtensions
{
    /// <summary>Adds a health check that PINGs the Redis server behind <paramref name="endpointName"/>; <c>WaitFor</c> then waits for it.</summary>
    /// <param name="builder">The Redis container.</param>
    /// <param name="endpointName">The name of its Redis endpoint.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<T> WithRedisPingHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName)
        where T : IResourceWithEndpoints
    {
        var key = $"{builder.Resource.Name}_ping";
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new(key, _ => new RedisPingHealthCheck(endpoint), failureStatus: null, tags: null));
        return builder.WithHealthCheck(key);
    }
}
