namespace Aspire.Hosting.AppleContainer.IntegrationsAppHost;

/// <summary>The names the integrations AppHost gives its resources, shared with the suite that runs it.</summary>
internal static class AppModel
{
    public const string Postgres = "pg";
    public const string PostgresReader = "pg-reader";
    public const string Redis = "cache";
    public const string RedisProbe = "cache-probe";
    public const string Nats = "nats";

    /// <summary>The key the Redis probe writes, and the value it writes there.</summary>
    public const string RedisProbeKey = "engs-probe";
    public const string RedisProbeValue = "written-by-cache-probe";

    /// <summary>
    /// The probe's script (busybox sh, redis-cli): it writes <see cref="RedisProbeKey"/> to the host <c>cache</c> on
    /// Redis's target port, retrying until that works, then idles until stopped. The password comes from its environment,
    /// never its argv.
    /// </summary>
    public const string RedisProbeScript =
        "trap 'exit 0' TERM INT; " +
        "until REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -h " + Redis + " -p 6379 SET " + RedisProbeKey + " " + RedisProbeValue + " | grep -q OK; do sleep 1; done; " +
        "echo ENGS-PROBE-WROTE; " +
        "while :; do sleep 1; done";
}
