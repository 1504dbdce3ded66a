using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>An endpoint's URLs on the dashboard are the ones DCP's containers show: one per endpoint, under localhost.</summary>
public class DashboardUrlsTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_tcp_endpoint_shows_once_under_localhost_in_the_running_snapshot()
    {
        await using var harness = RunnerHarness.Create(b =>
        {
            b.Configuration["DcpPublisher:CliPath"] = "unused-dcp"; // validated when Aspire's orchestrator is created
            b.Configuration["DcpPublisher:DashboardPath"] = "unused-dashboard";
            var web = b.AddAppleContainer("web", Image).WithEndpoint(targetPort: 6379, name: "tcp").WithHttpEndpoint(targetPort: 8080, name: "http");
            DashboardUrls.Add(web.Resource);
        });
        StartAspireUrlGeneration(harness);
        harness.Initialize("web");

        var running = await harness.WaitForAsync("web", s => s.State?.Text == KnownResourceStates.Running && s.Urls.Length > 0, "running with URLs");

        var web = harness.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ContainerResource>().Single();
        string[] expected = [$"http://localhost:{web.GetEndpoint("http").Port}", $"tcp://localhost:{web.GetEndpoint("tcp").Port}"];
        Assert.Equal(expected, running.Urls.Select(u => u.Url).Order(StringComparer.Ordinal));
        Assert.All(running.Urls, u => Assert.False(u.IsInactive));
    }

    [Fact]
    public void Aspire_s_two_URLs_of_a_loopback_allocation_become_the_one_DCP_shows_and_a_localhost_subdomain_keeps_its_own()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", Image).WithEndpoint(targetPort: 6379, name: "tcp").WithHttpEndpoint(targetPort: 8080, name: "http");
        web.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").TargetHost = "web.dev.localhost";
        var tcp = new EndpointReference(web.Resource, "tcp");
        var http = new EndpointReference(web.Resource, "http");
        List<ResourceUrlAnnotation> urls =
        [
            new() { Url = "tcp://127.0.0.1:5001", Endpoint = tcp },
            new() { Url = "tcp://localhost:5001", Endpoint = tcp },
            new() { Url = "http://web.dev.localhost:5002", Endpoint = http },
            new() { Url = "http://127.0.0.1:5002", Endpoint = http, DisplayLocation = UrlDisplayLocation.DetailsOnly },
            new() { Url = "https://example.com/docs" },
        ];

        DashboardUrls.Normalize(urls);

        Assert.Equal(["tcp://localhost:5001", "http://web.dev.localhost:5002", "http://localhost:5002", "https://example.com/docs"], urls.Select(u => u.Url));
        Assert.Equal(UrlDisplayLocation.DetailsOnly, urls[2].DisplayLocation);
    }

    [Fact]
    public void The_callback_runs_before_the_users_own()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddAppleContainer("web", Image).WithUrls(_ => { });

        DashboardUrls.Add(web.Resource);

        Assert.Equal(2, web.Resource.Annotations.OfType<ResourceUrlsCallbackAnnotation>().Count());
        Assert.IsType<ResourceUrlsCallbackAnnotation>(web.Resource.Annotations[0]);
    }

    /// <summary>
    /// Creates Aspire's ApplicationOrchestrator (internal; created when the application starts), which turns the
    /// ResourceEndpointsAllocatedEvent the runner publishes into the snapshot's URLs.
    /// </summary>
    private static void StartAspireUrlGeneration(RunnerHarness harness)
    {
        var type = typeof(DistributedApplication).Assembly.GetType("Aspire.Hosting.Orchestrator.ApplicationOrchestrator", throwOnError: true)!;
        _ = harness.Services.GetRequiredService(type);
    }
}
