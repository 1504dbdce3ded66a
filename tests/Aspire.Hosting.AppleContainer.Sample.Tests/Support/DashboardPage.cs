using Microsoft.Playwright;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>The Aspire dashboard's resources page, read the way a user sees it.</summary>
internal sealed class DashboardPage(IPage page)
{
    /// <summary>Opens the login URL (its browser token logs in) and waits for the resources table.</summary>
    public async Task OpenAsync(string loginUrl)
    {
        await page.GotoAsync(loginUrl, new PageGotoOptions { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "State" }).First.WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The rows of the resources table, in the order shown.</summary>
    public async Task<IReadOnlyList<DashboardResource>> ReadResourcesAsync()
    {
        var resources = new List<DashboardResource>();
        foreach (var row in await page.GetByRole(AriaRole.Row).AllAsync())
        {
            var cells = await row.GetByRole(AriaRole.Gridcell).AllAsync();
            if (cells.Count < 5)
            {
                continue;
            }

            var state = cells[1].Locator(".state-column-cell");
            var iconStyle = await state.Locator("svg").CountAsync() > 0
                ? await state.Locator("svg").First.GetAttributeAsync("style") ?? string.Empty
                : string.Empty;
            resources.Add(new DashboardResource(
                (await cells[0].InnerTextAsync()).Trim(),
                (await cells[1].InnerTextAsync()).Trim(),
                iconStyle.Contains("--success", StringComparison.Ordinal),
                (await cells[4].InnerTextAsync()).Trim()));
        }

        return resources;
    }

    /// <summary>Polls until every resource in <paramref name="names"/> is running and healthy; returns the last reading either way.</summary>
    public async Task<IReadOnlyList<DashboardResource>> WaitUntilRunningAndHealthyAsync(IReadOnlyCollection<string> names, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var resources = await ReadResourcesAsync();
            var ready = names.All(name => resources.Any(r => r.Name == name && r.IsRunningAndHealthy));
            if (ready || DateTime.UtcNow > deadline)
            {
                return resources;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>Saves a screenshot of the page.</summary>
    public Task SaveScreenshotAsync(string path) => page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
}
