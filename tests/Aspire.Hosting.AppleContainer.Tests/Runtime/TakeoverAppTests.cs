using System.Net;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>Existing container resources run through the bridge after <c>UseAppleContainerRuntime()</c>.</summary>
public abstract class TakeoverAppTests<TRuntime>(TakeoverAppFixture<TRuntime> fixture) : IClassFixture<TakeoverAppFixture<TRuntime>>
    where TRuntime : TestRuntime, new()
{
    private const string ManagedLabel = "io.aspire.applecontainer.managed";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private RuntimeTestApp Test => fixture.Test;

    [RuntimeFact(Timeout = 120_000)]
    public async Task AddRedis_runs_through_the_bridge_and_Aspires_own_Redis_health_check_turns_Healthy()
    {
        using var limit = new CancellationTokenSource(Patience);
        var healthy = await Test.Notifications.WaitForResourceHealthyAsync(Test.Name("redis"), limit.Token);

        var container = await (await Test.BridgeAsync()).InspectContainerAsync(LabelledTestApp.ContainerId(healthy));

        Assert.Equal("true", container.Labels.GetValueOrDefault(ManagedLabel));
        Assert.Equal("localhost/actr-test/redis:7.0", Property(healthy, "container.image"));
        Assert.Contains(healthy.Snapshot.HealthReports, r => r.Name == $"{Test.Name("redis")}_check" && r.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task A_project_on_the_host_writes_and_reads_keys_in_the_taken_over_Redis_through_its_connection_string()
    {
        var value = "engg-value-" + Guid.NewGuid().ToString("N")[..8];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Test.WaitForStateAsync("client", KnownResourceStates.Running);
        var keyUrl = new Uri(Test.App!.GetEndpoint(Test.Name("client"), "http"), "/keys/engg-key");

        var written = await RetryAsync(() => client.PutAsync(keyUrl, new StringContent(value)));
        var read = await client.GetStringAsync(keyUrl);
        var redis = await Test.WaitForStateAsync("redis", KnownResourceStates.Running);
        var inRedis = await Test.ExecAsync(redis, "redis-cli --no-auth-warning -a \"$REDIS_PASSWORD\" GET engg-key");

        Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);
        Assert.Equal(value, read);
        Assert.Equal(value, inRedis.Trim());
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task AddContainer_and_AddDockerfile_resources_are_taken_over_with_their_endpoints_and_environment()
    {
        await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        await Test.WaitForStateAsync("built", KnownResourceStates.Running, TimeSpan.FromSeconds(150));
        using var client = new HttpClient();

        var web = await client.GetStringAsync(new Uri(Test.App!.GetEndpoint(Test.Name("web"), "http"), "/cgi-bin/env"));
        var built = await client.GetStringAsync(new Uri(Test.App!.GetEndpoint(Test.Name("built"), "http"), "/cgi-bin/env"));
        var ours = await Test.ListContainersAsync();

        Assert.Contains($"GREETING={TakeoverAppFixture<TRuntime>.Greeting}", web, StringComparison.Ordinal);
        Assert.Contains($"BUILT_FLAVOUR={TakeoverAppFixture<TRuntime>.BuiltFlavour}", built, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", Test.App!.GetEndpoint(Test.Name("web"), "http").Host);
        Assert.Equal(
            new[] { "built", "redis", "web" }.Select(Test.Name),
            ours.Select(c => c.Labels.GetValueOrDefault("io.aspire.applecontainer.resource")).Order(StringComparer.Ordinal));
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task A_child_resource_shares_the_containers_state_and_gets_its_connection_string_for_its_health_check()
    {
        using var limit = new CancellationTokenSource(Patience);
        var healthy = await Test.Notifications.WaitForResourceHealthyAsync(Test.Name("cachedb"), limit.Token);
        var redis = Test.App!.GetEndpoint(Test.Name("redis"), "tcp");

        Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
        Assert.StartsWith($"127.0.0.1:{redis.Port},password=", fixture.ChildConnectionString, StringComparison.Ordinal);
        Assert.EndsWith(",defaultDatabase=1", fixture.ChildConnectionString, StringComparison.Ordinal);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task DCP_runs_no_container_of_the_application()
    {
        await Test.WaitForStateAsync("redis", KnownResourceStates.Running);
        await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        await Test.WaitForStateAsync("built", KnownResourceStates.Running, TimeSpan.FromSeconds(150));

        var all = await (await Test.BridgeAsync()).ListContainersAsync();
        var named = all.Where(c => c.Name.StartsWith(Test.Prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal(3, named.Count);
        Assert.All(named, c => Assert.Equal("true", c.Labels.GetValueOrDefault(ManagedLabel)));
        Assert.All(named, c => Assert.Equal(Test.Prefix, c.Labels.GetValueOrDefault(TakeoverAppFixture<TRuntime>.LabelKey)));
    }

    private static string? Property(ResourceEvent e, string name) =>
        e.Snapshot.Properties.SingleOrDefault(p => p.Name == name)?.Value?.ToString();

    private static async Task<HttpResponseMessage> RetryAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                var response = await send();
                if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
                {
                    return response;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(500);
        }
    }
}
