using System.Text.RegularExpressions;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>The one package users install: its exact file list, its dependencies, and a pack that prints no warning.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentsTests(PackageFeedFixture feed)
{
    [Fact]
    public void The_package_holds_the_API_bridge_and_watchdog_with_their_docs_in_lib_the_targets_in_build_the_tasks_with_their_dependencies_in_tasks_and_the_readme_and_icon()
    {
        using var package = new PackageArchive(feed.PackagePath);

        Assert.Equal(
            [
                "Aspire.Hosting.AppleContainer.nuspec",
                "README.md",
                "build/Aspire.Hosting.AppleContainer.props",
                "build/Aspire.Hosting.AppleContainer.targets",
                "icon.png",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Bridge.dll",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Bridge.xml",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Watchdog.dll",
                "lib/net8.0/Aspire.Hosting.AppleContainer.Watchdog.xml",
                "lib/net8.0/Aspire.Hosting.AppleContainer.dll",
                "lib/net8.0/Aspire.Hosting.AppleContainer.xml",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Bridge.dll",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.deps.json",
                "tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.dll",
                "tasks/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll",
                "tasks/net8.0/Microsoft.Extensions.Logging.Abstractions.dll",
                "tasks/net8.0/System.Diagnostics.DiagnosticSource.dll",
            ],
            package.Files);
    }

    [Fact]
    public void The_package_carries_no_MSBuild_and_no_test_assembly()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var assemblies = package.Files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(assemblies);
        Assert.DoesNotContain(assemblies, name => name!.StartsWith("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(assemblies, name => name!.Contains("Test", StringComparison.OrdinalIgnoreCase) || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_tasks_folder_holds_every_runtime_dependency_its_deps_json_names_except_MSBuild()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var deps = System.Text.Json.JsonDocument.Parse(package.Read("tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.deps.json"));
        var runtimeAssemblies = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value.EnumerateObject()
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(r => Path.GetFileName(r.Name)) : [])
            .Where(name => !name.StartsWith("Microsoft.Build", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(runtimeAssemblies, package.FilesIn("tasks/net8.0/", ".dll").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_depends_on_no_package_of_this_repository_and_on_no_MSBuild_package()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var dependencies = package.Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();

        Assert.Contains("Aspire.Hosting", dependencies);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Aspire.Hosting.AppleContainer", StringComparison.Ordinal) || id.StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void Dotnet_pack_prints_no_warning()
    {
        Assert.DoesNotMatch(new Regex(@":\s*warning\s+[A-Z]+\d+", RegexOptions.IgnoreCase), feed.PackOutput);
        Assert.DoesNotContain("is missing a readme", feed.PackOutput, StringComparison.Ordinal);
        Assert.Contains($"Successfully created package '{feed.PackagePath}'", feed.PackOutput, StringComparison.Ordinal);
    }
}
