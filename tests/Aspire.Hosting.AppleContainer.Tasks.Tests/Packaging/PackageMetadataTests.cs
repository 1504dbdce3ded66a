using System.Text.RegularExpressions;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>What nuget.org shows: the nuspec's metadata and the package readme.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageMetadataTests(PackageFeedFixture feed)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void The_version_is_the_repository_VersionPrefix_with_the_suffix_CI_gave()
    {
        using var package = new PackageArchive(feed.PackagePath);

        Assert.Equal(feed.Version, package.MetadataValue("version"));
        Assert.StartsWith(RepoProperties.Get("VersionPrefix") + "-", feed.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nuspec_names_the_readme_icon_license_project_and_repository_with_its_commit_release_notes_and_tags()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var repositoryUrl = RepoProperties.Get("AppleContainerRepositoryUrl");

        Assert.Equal("README.md", package.MetadataValue("readme"));
        Assert.Equal("icon.png", package.MetadataValue("icon"));
        Assert.Equal(PngSignature, package.Read("icon.png")[..PngSignature.Length]);
        Assert.Equal("MIT", package.MetadataValue("license"));
        Assert.Equal(repositoryUrl, package.MetadataValue("projectUrl"));
        var repository = package.Metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(repositoryUrl, repository.Attribute("url")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(package.MetadataValue("releaseNotes")));
        Assert.Contains("aspire", package.MetadataValue("tags")!.Split(' '));
    }

    [Fact]
    public void The_readme_shows_the_switch_the_API_and_image_builds_with_the_packed_version_and_absolute_links()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var readme = System.Text.Encoding.UTF8.GetString(package.Read("README.md"));

        Assert.Contains("UseAppleContainerRuntime()", readme, StringComparison.Ordinal);
        Assert.Contains("AddAppleContainer(", readme, StringComparison.Ordinal);
        Assert.Contains("<AppleContainerImage ", readme, StringComparison.Ordinal);
        Assert.Contains($"Version=\"{feed.Version}\"", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", readme, StringComparison.Ordinal);
        var links = Regex.Matches(readme, @"\]\((?<target>[^)]+)\)").Select(m => m.Groups["target"].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(RepoProperties.Get("AppleContainerRepositoryUrl"), link, StringComparison.Ordinal));
    }
}
