using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace Aspire.Hosting.AppleContainer.IntegrationsAppHost.Nats;

/// <summary>Healthy once the client connects with the resource's credentials and the server answers a ping.</summary>
internal sealed class NatsModelHealthCheck(Func<NatsConnection?> connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection() is not { } client)
        {
            return HealthCheckResult.Unhealthy("The connection string is not available yet.");
        }

        try
        {
            await client.ConnectAsync().ConfigureAwait(false);
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NatsException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The NATS server did not accept the connection.", exception);
        }
    }
}
