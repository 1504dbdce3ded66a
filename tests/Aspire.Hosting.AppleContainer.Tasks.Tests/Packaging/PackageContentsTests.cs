using System.IO.Compression;
using System.Xml.Linq;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>The one package users install: its exact file list and its dependencies.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentsTests(PackageFeedFixture feed)
{
    [Fact]
    public void The_package_holds_the_API_and_bridge_in_lib_the_targets_in_build_and_the_tasks_with_their_dependencies_in_tasks()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        var files = package.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("package/", StringComparison.Ordinal) && !name.StartsWith("_rels/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Aspire.Hosting.AppleContainer.nuspec",
                "build/Aspire.Hosting.AppleContainer.props",
                "build/Aspire.Hosting.AppleContainer.targets",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Bridge.dll",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Watchdog.dll",
                "lib/net8.0/Aspire.Hosting.AppleContainer.dll",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Bridge.dll",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.deps.json",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.dll",
                "tasks/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll",
                "tasks/net8.0/Microsoft.Extensions.Logging.Abstractions.dll",
                "tasks/net8.0/System.Diagnostics.DiagnosticSource.dll",
            ],
            files);
    }

    [Fact]
    public void The_package_depends_on_no_package_of_this_repository_and_on_no_MSBuild_package()
    {
        using var package = ZipFile.OpenRead(feed.PackagePath);
        using var nuspec = package.GetEntry("Aspire.Hosting.AppleContainer.nuspec")!.Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();

        Assert.Contains("Aspire.Hosting", dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Aspire.Hosting.AppleContainer", StringComparison.Ordinal) || id.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }
}
