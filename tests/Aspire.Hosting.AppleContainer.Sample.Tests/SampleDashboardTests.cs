using Aspire.Hosting.AppleContainer.Sample.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Aspire.Hosting.AppleContainer.Sample.Tests;

/// <summary>
/// The first five minutes of a newcomer, on one runtime: the sample AppHost starts, its dashboard shows every resource
/// Running and Healthy, the web front (a container) counts a visit through the API (on the host) in Redis (a
/// container), and Ctrl+C leaves no container behind. Runs with the local images; needs Chromium (eng/install-browser.sh).
/// </summary>
public abstract class SampleDashboardTests<TRuntime>(TRuntime runtime, ITestOutputHelper output) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private static readonly string[] SampleResources = ["redis", "cache", "api", "web"];

    [SampleFact(Timeout = 170_000)]
    public async Task The_dashboard_shows_every_sample_resource_running_and_healthy_and_ctrl_c_leaves_no_container()
    {
        var runId = "engf-sample-" + Guid.NewGuid().ToString("N")[..8];
        var screenshot = Path.Combine(ScreenshotDirectory(), $"sample-dashboard-{runtime.Name}.png");
        var userData = Directory.CreateTempSubdirectory($"{runId}-chromium-");
        var appHost = SampleAppHost.Start(runtime, runId);
        try
        {
            var loginUrl = await appHost.WaitForLoginUrlAsync(TimeSpan.FromSeconds(60));
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright, userData.FullName);
            var dashboard = new DashboardPage(await browser.NewPageAsync());
            await dashboard.OpenAsync(loginUrl);

            var resources = await dashboard.WaitUntilRunningAndHealthyAsync(SampleResources, TimeSpan.FromSeconds(90));
            await dashboard.SaveScreenshotAsync(screenshot);
            output.WriteLine($"Dashboard screenshot: {screenshot}");
            output.WriteLine(string.Join(Environment.NewLine, resources));
            Assert.Equal(SampleResources.Order(), resources.Select(r => r.Name).Order());
            Assert.All(resources, r => Assert.True(r.IsRunningAndHealthy, $"{r} is not running and healthy"));

            var web = resources.Single(r => r.Name == "web").Urls.Split([' ', '\n', '|'], StringSplitOptions.RemoveEmptyEntries).First(u => u.StartsWith("http", StringComparison.Ordinal));
            var page = await browser.NewPageAsync();
            await page.GotoAsync(web, new PageGotoOptions { Timeout = 30_000 });
            Assert.Matches(@"Visit number \d+", await page.Locator("#visits").InnerTextAsync());
            Assert.Equal(2, (await RuntimeChecks.ContainersOwnedByAsync(runtime, appHost.ProcessId)).Count); // redis and web, on this runtime

            Assert.True(await appHost.StopAsync(TimeSpan.FromSeconds(45)), "The AppHost did not exit within 45 s of Ctrl+C.");
            Assert.Empty((await RuntimeChecks.ContainersOwnedByAsync(runtime, appHost.ProcessId)).Select(RuntimeChecks.Describe));
            Assert.True(await RuntimeChecks.VolumeExistsAsync(runtime, appHost.VolumeName), "The Redis data volume should outlive the AppHost.");
        }
        catch
        {
            output.WriteLine("AppHost output:" + Environment.NewLine + appHost.Output);
            throw;
        }
        finally
        {
            await CleanUpAsync(appHost);
            userData.Delete(recursive: true);
        }
    }

    private async Task CleanUpAsync(SampleAppHost appHost)
    {
        var processId = appHost.ProcessId;
        await appHost.StopAsync(TimeSpan.FromSeconds(30));
        await appHost.DisposeAsync();
        await RuntimeChecks.RemoveContainersAsync(runtime, await RuntimeChecks.ContainersOwnedByAsync(runtime, processId));
        await RuntimeChecks.RemoveVolumeAsync(runtime, appHost.VolumeName);
    }

    private static string ScreenshotDirectory() =>
        Directory.CreateDirectory(Environment.GetEnvironmentVariable("ACTR_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName;
}
