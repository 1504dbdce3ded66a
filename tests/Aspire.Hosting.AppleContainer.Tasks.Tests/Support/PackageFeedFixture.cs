namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// Packs Aspire.Hosting.AppleContainer once per test run into a temporary feed, with a unique prerelease version so
/// that no cached copy of another build can be restored instead.
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("enge-feed-");

    /// <summary>The feed folder.</summary>
    public string FeedDirectory => Path.Combine(_root.Path, "feed");

    /// <summary>The packed version.</summary>
    public string Version { get; } = $"0.0.0-e2e.{Guid.NewGuid():N}"[..22];

    /// <summary>The package file.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, $"Aspire.Hosting.AppleContainer.{Version}.nupkg");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var project = RepoPaths.Combine("src", "Aspire.Hosting.AppleContainer", "Aspire.Hosting.AppleContainer.csproj");
        var (exitCode, output) = await CommandLine.RunAsync(
            "dotnet",
            ["pack", project, "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}", "--artifacts-path", Path.Combine(_root.Path, "artifacts"), "-nodeReuse:false", "--disable-build-servers"]);
        Assert.True(exitCode == 0 && File.Exists(PackagePath), $"dotnet pack failed:\n{output}");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
