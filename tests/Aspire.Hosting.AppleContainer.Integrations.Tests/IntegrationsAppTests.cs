using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.IntegrationsAppHost;
using Aspire.Hosting.AppleContainer.IntegrationsAppHost.Nats;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace Aspire.Hosting.AppleContainer.Integrations.Tests;

/// <summary>
/// An AppHost written with Aspire's own integrations (Aspire.Hosting.PostgreSQL and Aspire.Hosting.Redis 13.6.5, and
/// AddNats modelled on Aspire.Hosting.Nats) runs through the bridge after <c>UseAppleContainerRuntime()</c>, each
/// integration on an image built from Debian's packages and tagged as the integration asks for it.
/// </summary>
public abstract class IntegrationsAppTests<TRuntime>(IntegrationsAppFixture<TRuntime> fixture) : IClassFixture<IntegrationsAppFixture<TRuntime>>
    where TRuntime : TestRuntime, new()
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddPostgres_runs_the_image_under_the_tag_Aspire_asks_for_and_its_own_health_check_turns_Healthy()
    {
        var healthy = await fixture.WaitForHealthyAsync(AppModel.Postgres);

        Assert.Equal("docker.io/library/postgres:18.3", Property(healthy, "container.image"));
        Assert.Contains(healthy.Snapshot.HealthReports, r => r.Name == $"{AppModel.Postgres}_check" && r.Status == HealthStatus.Healthy);
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddPostgres_WithInitFiles_seeds_a_table_that_a_project_on_the_host_reads()
    {
        await fixture.WaitForHealthyAsync(AppModel.Postgres);
        await fixture.WaitForAsync(AppModel.PostgresReader, e => e.Snapshot.State?.Text == KnownResourceStates.Running);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var url = new Uri(fixture.App.GetEndpoint(AppModel.PostgresReader, "http"), "/seeded");

        var rows = await RetryAsync(() => client.GetStringAsync(url));

        Assert.Equal("1:engs-seeded-by-init-file\n2:engs-second-row", rows);
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddRedis_is_reached_by_another_container_through_its_reference()
    {
        var redis = await fixture.WaitForHealthyAsync(AppModel.Redis);

        var written = await ReadProbeKeyAsync(redis, AppModel.RedisKeyByReference);

        Assert.Equal(AppModel.RedisProbeValue, written);
        Assert.Equal("docker.io/library/redis:8.6", Property(redis, "container.image"));
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddRedis_is_reached_by_another_container_through_its_resource_name_and_target_port()
    {
        var redis = await fixture.WaitForHealthyAsync(AppModel.Redis);
        if (!ResolvesContainerNames)
        {
            // Apple 1.x has no network alias (docs/apple-differences.md): what is shown instead is that the name does not
            // resolve, so nothing was written under it while the reference worked.
            await ReadProbeKeyAsync(redis, AppModel.RedisKeyByReference);
            Assert.Equal(string.Empty, await GetAsync(redis, AppModel.RedisKeyByName));
            return;
        }

        var written = await ReadProbeKeyAsync(redis, AppModel.RedisKeyByName);

        Assert.Equal(AppModel.RedisProbeValue, written);
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task A_container_referencing_AddRedis_gets_the_host_and_port_DCP_gives_containers_name_dev_internal_and_target_port()
    {
        var probe = await fixture.WaitForAsync(AppModel.RedisProbe, e => e.Snapshot.State?.Text == KnownResourceStates.Running);

        // Only the part before the password: the value itself stays out of the test's output.
        var result = await fixture.ExecAsync(probe, "echo \"${ConnectionStrings__cache%%,*}\"");

        Assert.Equal(0, result.ExitCode);
        if (ResolvesContainerNames)
        {
            // DCP allocates "<resource>.dev.internal" and the target port on its container network
            // (Dcp/DcpModelUtilities.cs, AddContainerNetworkAllocatedEndpoint, Aspire 13.6.5).
            Assert.Equal($"{AppModel.Redis}.dev.internal:6379", result.StandardOutput.Trim());
        }
        else
        {
            // Apple: the host route (docs/apple-differences.md): an address and port on the host side, never the name, which
            // does not resolve there; the by-reference test shows the probe writes through it.
            var target = result.StandardOutput.Trim();
            Assert.Matches(@"^[^:]+:\d+$", target);
            Assert.DoesNotContain(".dev.internal", target, StringComparison.Ordinal);
            Assert.False(target.StartsWith($"{AppModel.Redis}:", StringComparison.Ordinal), target);
        }
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddNats_with_its_default_password_starts_and_a_client_with_that_password_authenticates()
    {
        var healthy = await fixture.WaitForHealthyAsync(AppModel.Nats);
        var password = await NatsPasswordAsync();
        await using var connection = new NatsConnection(Options(password));
        await connection.ConnectAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using var subscription = await connection.SubscribeCoreAsync<string>("engs.suite", cancellationToken: limit.Token);
        await connection.PublishAsync("engs.suite", "engs-hello", cancellationToken: limit.Token);
        var message = await subscription.Msgs.ReadAsync(limit.Token);

        Assert.Equal("engs-hello", message.Data);
        Assert.Equal("docker.io/library/nats:2.14", Property(healthy, "container.image"));
        Assert.Contains(healthy.Snapshot.HealthReports, r => r.Name == $"{AppModel.Nats}_check" && r.Status == HealthStatus.Healthy);
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task AddNats_refuses_a_client_with_another_password()
    {
        await fixture.WaitForHealthyAsync(AppModel.Nats);
        await using var connection = new NatsConnection(Options("engs-not-the-password"));

        await Assert.ThrowsAnyAsync<NatsException>(async () => await connection.ConnectAsync());
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task The_NATS_password_is_in_no_snapshot_property_of_the_resource()
    {
        var healthy = await fixture.WaitForHealthyAsync(AppModel.Nats);
        var password = await NatsPasswordAsync();

        Assert.DoesNotContain(
            healthy.Snapshot.Properties.Where(p => !p.IsSensitive),
            p => p.Value?.ToString()?.Contains(password, StringComparison.Ordinal) == true || Flatten(p.Value).Any(v => v.Contains(password, StringComparison.Ordinal)));
        Assert.DoesNotContain(healthy.Snapshot.EnvironmentVariables, v => v.Value?.Contains(password, StringComparison.Ordinal) == true);
    }

    /// <summary>Whether containers reach each other by resource name on this runtime (not on Apple 1.x: no network alias).</summary>
    protected virtual bool ResolvesContainerNames => true;

    private async Task<string> ReadProbeKeyAsync(ResourceEvent redis, string key) => await RetryAsync(async () =>
        await GetAsync(redis, key) is { Length: > 0 } value ? value : throw new InvalidOperationException($"the probe has not written {key} yet"));

    private async Task<string> GetAsync(ResourceEvent redis, string key)
    {
        var result = await fixture.ExecAsync(redis, $"REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli GET {key}");
        Assert.True(result.ExitCode == 0, $"redis-cli GET {key}: exit {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    private NatsOpts Options(string password)
    {
        var endpoint = fixture.App.GetEndpoint(AppModel.Nats, "tcp");
        return NatsOpts.Default with
        {
            Url = $"nats://{endpoint.Host}:{endpoint.Port}",
            AuthOpts = NatsAuthOpts.Default with { Username = "nats", Password = password },
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxReconnectRetry = 0,
        };
    }

    private async Task<string> NatsPasswordAsync()
    {
        // As AddNats's, the default password parameter is a generated secret that is not itself a resource of the model.
        var parameter = fixture.Model.Resources.OfType<NatsModelResource>().Single().PasswordParameter;
        Assert.True(parameter.Secret);
        return await parameter.GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException("the NATS password has no value");
    }

    private static IEnumerable<string> Flatten(object? value) => value switch
    {
        null => [],
        string s => [s],
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty),
        _ => [value.ToString() ?? string.Empty],
    };

    private static string? Property(ResourceEvent e, string name) =>
        e.Snapshot.Properties.SingleOrDefault(p => p.Name == name)?.Value?.ToString();

    private static async Task<T> RetryAsync<T>(Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
            }
        }
    }
}
