using System.Diagnostics;
using System.Net;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Registry;

/// <summary>The registry harness the registry contract runs on: it answers, demands its user, and leaves nothing behind.</summary>
public sealed class TestRegistryTests
{
    [RegistryFact(Timeout = 60_000)]
    public async Task A_registry_with_a_user_refuses_anonymous_requests_lists_with_its_credentials_and_is_gone_after_dispose()
    {
        var registry = await TestRegistry.StartAsync("harness-user", "harness-password");
        var directory = registry.DirectoryPath;
        var processes = DockerRegistryProcessesServing(directory);
        HttpStatusCode anonymous;
        IReadOnlyList<string> catalog;
        try
        {
            using var client = new HttpClient();
            using (var response = await client.GetAsync(new Uri($"http://{registry.Address}/v2/_catalog")))
            {
                anonymous = response.StatusCode;
            }

            catalog = await registry.GetCatalogAsync();
        }
        finally
        {
            await registry.DisposeAsync();
        }

        Assert.Matches(@"^127\.0\.0\.1:\d+$", registry.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Empty(catalog);
        Assert.Single(processes);
        Assert.False(registry.IsRunning);
        Assert.False(Directory.Exists(directory));
        Assert.Empty(DockerRegistryProcessesServing(directory));
    }

    [RegistryFact(Timeout = 60_000)]
    public async Task Two_registries_get_different_free_ports_and_storage_of_their_own()
    {
        await using var first = await TestRegistry.StartAsync();
        await using var second = await TestRegistry.StartAsync();

        Assert.NotEqual(first.Port, second.Port);
        Assert.NotEqual(first.DirectoryPath, second.DirectoryPath);
        Assert.Empty(await first.GetTagsAsync("nothing/here"));
    }

    /// <summary>The docker-registry processes whose command line names a configuration in <paramref name="directory"/>.</summary>
    private static List<int> DockerRegistryProcessesServing(string directory) =>
        [.. Process.GetProcessesByName("docker-registry")
            .Where(p => File.Exists($"/proc/{p.Id}/cmdline") && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains(directory, StringComparison.Ordinal))
            .Select(p => p.Id)];
}
