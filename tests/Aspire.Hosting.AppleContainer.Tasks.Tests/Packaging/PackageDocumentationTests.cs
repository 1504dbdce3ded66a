using System.Xml.Linq;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>What IntelliSense reads: the XML documentation beside each assembly an AppHost compiles against.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageDocumentationTests(PackageFeedFixture feed)
{
    [Fact]
    public void Every_lib_assembly_has_its_own_XML_documentation_beside_it()
    {
        using var package = new PackageArchive(feed.PackagePath);
        var assemblies = package.FilesIn("lib/net8.0/", ".dll");

        Assert.NotEmpty(assemblies);
        Assert.All(assemblies, dll =>
        {
            var xml = Path.ChangeExtension(dll, ".xml");
            Assert.Contains(xml, package.Files);
            Assert.Equal(Path.GetFileNameWithoutExtension(dll), Documentation(package, xml).Element("assembly")!.Element("name")!.Value);
        });
    }

    [Fact]
    public void The_documentation_describes_every_public_type_and_the_members_users_call_first()
    {
        using var package = new PackageArchive(feed.PackagePath);

        Assert.All(package.FilesIn("lib/net8.0/", ".dll"), dll =>
        {
            var documented = DocumentedMembers(package, Path.ChangeExtension(dll, ".xml"));
            Assert.All(PublicTypes.InAssembly(package.Read(dll)), type => Assert.Contains(documented, id => id.StartsWith($"T:{type}", StringComparison.Ordinal)));
        });

        var integration = DocumentedMembers(package, "lib/net8.0/Aspire.Hosting.AppleContainer.xml");
        Assert.All(
            ["M:Aspire.Hosting.AppleContainerBuilderExtensions.AddAppleContainer(", "M:Aspire.Hosting.AppleContainerBuilderExtensions.WithCpus``1(", "M:Aspire.Hosting.AppleContainerRuntimeBuilderExtensions.UseAppleContainerRuntime("],
            member => Assert.Contains(integration, id => id.StartsWith(member, StringComparison.Ordinal)));
        Assert.Contains("T:Aspire.Hosting.AppleContainer.Bridge.BridgeException", DocumentedMembers(package, "lib/net8.0/Aspire.Hosting.AppleContainer.Bridge.xml"));
    }

    private static XElement Documentation(PackageArchive package, string xml)
    {
        using var stream = new MemoryStream(package.Read(xml));
        return XDocument.Load(stream).Root!;
    }

    private static List<string> DocumentedMembers(PackageArchive package, string xml) =>
        [.. Documentation(package, xml).Element("members")!.Elements("member")
            .Where(m => m.Element("summary") is { } summary && summary.Value.Trim().Length > 0)
            .Select(m => m.Attribute("name")!.Value)];
}
