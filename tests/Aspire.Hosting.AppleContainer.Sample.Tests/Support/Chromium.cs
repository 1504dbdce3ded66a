using Microsoft.Playwright;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>
/// The installed Chromium (Debian's <c>chromium</c>, from <c>eng/install-browser.sh</c>) launched headless through
/// Playwright with its executable path set, so Playwright never downloads a browser of its own.
/// </summary>
internal static class Chromium
{
    /// <summary>The browser executable: <c>ACTR_CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>; null when neither exists.</summary>
    public static string? ExecutablePath { get; } =
        new[] { Environment.GetEnvironmentVariable("ACTR_CHROMIUM_PATH"), "/usr/bin/chromium" }.FirstOrDefault(File.Exists);

    /// <summary>Launches a fresh headless browser with its own profile in <paramref name="userDataDirectory"/>.</summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string userDataDirectory) =>
        playwright.Chromium.LaunchPersistentContextAsync(userDataDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath ?? throw new InvalidOperationException("No Chromium: run eng/install-browser.sh."),
            Headless = true,
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
}
