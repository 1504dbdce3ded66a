using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Packaging;

/// <summary>The .snupkg beside the package: what a debugger needs to step into the integration from an AppHost.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class SymbolsPackageTests(PackageFeedFixture feed)
{
    /// <summary>The SourceLink custom debug information kind (dotnet/runtime, PortablePdb-Metadata.md).</summary>
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void The_symbols_package_holds_exactly_one_pdb_for_each_lib_assembly()
    {
        using var package = new PackageArchive(feed.PackagePath);
        using var symbols = new PackageArchive(feed.SymbolsPackagePath);

        Assert.Equal(
            package.FilesIn("lib/net8.0/", ".dll").Select(dll => Path.ChangeExtension(dll, ".pdb")),
            symbols.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)));
    }

    [Fact]
    public void Each_pdb_belongs_to_its_packed_assembly_maps_its_sources_deterministically_and_carries_a_SourceLink_map()
    {
        using var package = new PackageArchive(feed.PackagePath);
        using var symbols = new PackageArchive(feed.SymbolsPackagePath);

        Assert.All(package.FilesIn("lib/net8.0/", ".dll"), dll =>
        {
            using var pe = new PEReader(new MemoryStream(package.Read(dll)));
            var codeView = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
            var pdbGuid = pe.ReadCodeViewDebugDirectoryData(codeView).Guid;

            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(symbols.Read(Path.ChangeExtension(dll, ".pdb"))));
            var pdb = pdbProvider.GetMetadataReader();

            Assert.Equal(pdbGuid, new Guid(pdb.DebugMetadataHeader!.Id.AsSpan(0, 16)));
            var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
            Assert.NotEmpty(documents);
            // Deterministic: no path of the machine that built it, sources under /_/ (the repository), generated ones
            // under /_N/ (the intermediate folder, here outside the repository).
            Assert.All(documents, document => Assert.Matches("^/_[0-9]*/", document));
            Assert.Contains(documents, document => document.StartsWith("/_/", StringComparison.Ordinal) && document.EndsWith(".cs", StringComparison.Ordinal));

            var sourceLink = pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(info => pdb.GetGuid(info.Kind) == SourceLinkKind)
                .Select(info => Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value)))
                .Single();
            Assert.Contains("\"/_/*\"", sourceLink, StringComparison.Ordinal);
            Assert.Contains("https://", sourceLink, StringComparison.Ordinal);
        });
    }
}
