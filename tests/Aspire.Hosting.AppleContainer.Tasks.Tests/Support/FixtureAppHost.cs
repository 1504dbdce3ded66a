using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// A copy of tests/TaskFixtures/ImagesAppHost in a temporary folder, restoring the packed package from the test feed
/// into a private packages folder (other packages come from the machine's cache as a fallback folder). Every image it
/// builds carries a per-instance label and tag prefix, and is removed on dispose.
/// </summary>
internal sealed partial class FixtureAppHost : IAsyncDisposable
{
    private readonly TempDirectory _root = new("enge-e2e-");
    private readonly PackageFeedFixture _feed;
    private readonly string _session = Guid.NewGuid().ToString("N")[..12];

    public FixtureAppHost(PackageFeedFixture feed)
    {
        _feed = feed;
        CopyDirectory(RepoPaths.Combine("tests", "TaskFixtures", "ImagesAppHost"), Directory);
        File.WriteAllText(Path.Combine(_root.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_root.Path, "packages")}" /></config>
              <fallbackPackageFolders><add key="machine" value="{MachinePackagesFolder()}" /></fallbackPackageFolders>
              <packageSources>
                <clear />
                <add key="test-feed" value="{feed.FeedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="test-feed"><package pattern="Aspire.Hosting.AppleContainer" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    public string Directory => Path.Combine(_root.Path, "apphost");

    /// <summary>The tag prefix of this instance's images (<c>localhost/enge-e2e-…</c>).</summary>
    public string TagPrefix => $"localhost/enge-e2e-{_session}";

    public string LabelFilter => $"label=enge.e2e.session={_session}";

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>
    /// The assemblies the AppHost compiles against from the packed package, as its restore resolved them (full paths in
    /// the private packages folder): where IntelliSense looks for each one's .xml.
    /// </summary>
    public IReadOnlyList<string> PackageCompileReferences()
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(PathOf("obj/project.assets.json")));
        var key = $"Aspire.Hosting.AppleContainer/{_feed.Version}";
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var packagePath = assets.RootElement.GetProperty("libraries").GetProperty(key).GetProperty("path").GetString()!;
        var target = assets.RootElement.GetProperty("targets").EnumerateObject().Single(t => !t.Name.Contains('/')).Value.GetProperty(key);
        return [.. target.GetProperty("compile").EnumerateObject().Select(asset => Path.Combine(packageFolder, packagePath, asset.Name))];
    }

    /// <summary>Runs <c>dotnet &lt;verb&gt;</c> on the AppHost at normal verbosity.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(string verb, params string[] extra) =>
        CommandLine.RunAsync(
            "dotnet",
            [verb, PathOf("ImagesAppHost.csproj"), "-v:n", "-nodeReuse:false", "--disable-build-servers",
             $"-p:ActrPackageVersion={_feed.Version}", $"-p:ActrTagPrefix={TagPrefix}", $"-p:AppleContainerImageLabels=enge.e2e.session={_session}", .. extra],
            _root.Path,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_root.Path, "packages"), ["ASPIRE_APPLECONTAINER_RUNTIME"] = "podman", ["MSBUILDTERMINALLOGGER"] = "off" });

    /// <summary>The images whose builder ran in a build's log.</summary>
    public static IReadOnlyList<string> BuiltImages(string output) =>
        [.. BuildingPattern().Matches(output).Select(m => m.Groups["name"].Value).Distinct().Order()];

    /// <summary>How many image batches a build skipped as up to date.</summary>
    public static int SkippedImages(string output) =>
        Regex.Matches(output, "Skipping target \"_AppleContainerBuildImage\" because all output files are up-to-date").Count;

    public async ValueTask DisposeAsync()
    {
        var (_, ids) = await CommandLine.RunAsync("podman", ["images", "-a", "-q", "--filter", LabelFilter]);
        var distinct = ids.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (distinct.Count > 0)
        {
            await CommandLine.RunAsync("podman", ["rmi", "-f", .. distinct]);
        }

        _root.Dispose();
    }

    private static string MachinePackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    [GeneratedRegex(@"Building image '(?<name>[^']+)'")]
    private static partial Regex BuildingPattern();
}
