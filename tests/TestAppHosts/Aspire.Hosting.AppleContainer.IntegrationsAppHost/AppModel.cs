namespace Aspire.Hosting.AppleContainer.IntegrationsAppHost;

/// <summary>The names the integrations AppHost gives its resources, shared with the suite that runs it.</summary>
internal static class AppModel
{
    public const string Postgres = "pg";
    public const string PostgresReader = "pg-reader";
    public const string Redis = "cache";
    public const string RedisProbe = "cache-probe";
    public const string Nats = "nats";

    /// <summary>The keys the Redis probe writes (through its reference; to the host <c>cache</c>), and the value.</summary>
    public const string RedisKeyByReference = "engs-by-reference";
    public const string RedisKeyByName = "engs-by-name";
    public const string RedisProbeValue = "written-by-cache-probe";

    /// <summary>
    /// The probe's script (busybox sh, redis-cli). Two writers, each retrying until Redis answers OK: one to the host and
    /// port of its reference (<c>ConnectionStrings__cache</c>, from <c>WithReference(cache)</c>), one to the host
    /// <c>cache</c> on Redis's target port, as a user string or an admin UI names it. Then it idles until stopped. The
    /// password comes from its environment (<c>REDISCLI_AUTH</c>), never an argv.
    /// </summary>
    public const string RedisProbeScript =
        "trap 'exit 0' TERM INT; " +
        "export REDISCLI_AUTH=\"$REDIS_PASSWORD\"; " +
        "target=${ConnectionStrings__cache%%,*}; " +
        "(until redis-cli -h \"${target%:*}\" -p \"${target##*:}\" SET " + RedisKeyByReference + " " + RedisProbeValue + " 2>/dev/null | grep -q OK; do sleep 1; done; echo ENGS-WROTE-BY-REFERENCE) & " +
        "(until redis-cli -h " + Redis + " -p 6379 SET " + RedisKeyByName + " " + RedisProbeValue + " 2>/dev/null | grep -q OK; do sleep 1; done; echo ENGS-WROTE-BY-NAME) & " +
        "while :; do sleep 1; done";
}
