namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// Packs Aspire.Hosting.AppleContainer once per test run into a temporary feed as CI does: the repository's
/// VersionPrefix with a unique prerelease suffix (<c>-p:VersionSuffix=…</c>), so that no cached copy of another build
/// can be restored instead.
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new("enge-feed-");

    /// <summary>The feed folder.</summary>
    public string FeedDirectory => Path.Combine(_root.Path, "feed");

    /// <summary>The prerelease suffix given to <c>dotnet pack</c> (one alphanumeric identifier).</summary>
    public string VersionSuffix { get; } = $"e2e-{Guid.NewGuid():N}"[..16];

    /// <summary>The version the package must have: the repository's VersionPrefix with the suffix.</summary>
    public string Version => $"{RepoProperties.Get("VersionPrefix")}-{VersionSuffix}";

    /// <summary>The package file.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, $"Aspire.Hosting.AppleContainer.{Version}.nupkg");

    /// <summary>The symbols package beside it.</summary>
    public string SymbolsPackagePath => Path.ChangeExtension(PackagePath, ".snupkg");

    /// <summary>Everything <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var project = RepoPaths.Combine("src", "Aspire.Hosting.AppleContainer", "Aspire.Hosting.AppleContainer.csproj");
        var (exitCode, output) = await CommandLine.RunAsync(
            "dotnet",
            ["pack", project, "-c", "Release", "-o", FeedDirectory, $"-p:VersionSuffix={VersionSuffix}", "--artifacts-path", Path.Combine(_root.Path, "artifacts"), "-nodeReuse:false", "--disable-build-servers"]);
        PackOutput = output;
        Assert.True(exitCode == 0 && File.Exists(PackagePath), $"dotnet pack failed (or named the package otherwise than {PackagePath}):\n{output}");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }
}
