using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>The PublicAPI baselines describe the assemblies that are packed, not only those the build compiled.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackagedPublicApiTests(PackageFeedFixture feed)
{
    [Theory]
    [InlineData("lib/net8.0/Aspire.Hosting.AppleContainer.dll", "src/Aspire.Hosting.AppleContainer")]
    [InlineData("lib/net8.0/Aspire.Hosting.AppleContainer.Bridge.dll", "bridge/Aspire.Hosting.AppleContainer.Bridge")]
    [InlineData("tasks/net8.0/Aspire.Hosting.AppleContainer.Tasks.dll", "src/Tasks")]
    public void The_public_types_of_a_packed_assembly_are_exactly_those_of_its_API_baseline(string packedAssembly, string projectFolder)
    {
        using var package = new PackageArchive(feed.PackagePath);

        var baseline = PublicTypes.InBaseline(RepoPaths.Combine(projectFolder));

        Assert.NotEmpty(baseline);
        Assert.Equal(baseline, PublicTypes.InAssembly(package.Read(packedAssembly)));
    }

    [Fact]
    public void The_watchdog_in_lib_has_no_public_type_for_an_AppHost_to_compile_against()
    {
        using var package = new PackageArchive(feed.PackagePath);

        Assert.Empty(PublicTypes.InAssembly(package.Read("lib/net8.0/Aspire.Hosting.AppleContainer.Watchdog.dll")));
    }
}
