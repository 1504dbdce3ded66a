using System.IO.Compression;
using System.Xml.Linq;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>A packed .nupkg or .snupkg, read as the zip it is.</summary>
internal sealed class PackageArchive : IDisposable
{
    private readonly ZipArchive _zip;

    public PackageArchive(string path)
    {
        _zip = ZipFile.OpenRead(path);
    }

    /// <summary>The package's files, without the OPC bookkeeping (<c>_rels/</c>, <c>package/</c>, <c>[Content_Types].xml</c>).</summary>
    public IReadOnlyList<string> Files =>
        [.. _zip.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("package/", StringComparison.Ordinal) && !name.StartsWith("_rels/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)];

    /// <summary>The files under a folder (<c>lib/net8.0/</c>) with the given extension (<c>.dll</c>).</summary>
    public IReadOnlyList<string> FilesIn(string folder, string extension) =>
        [.. Files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && !f[folder.Length..].Contains('/') && f.EndsWith(extension, StringComparison.Ordinal))];

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata
    {
        get
        {
            var nuspec = Files.Single(f => f.EndsWith(".nuspec", StringComparison.Ordinal) && !f.Contains('/'));
            using var stream = new MemoryStream(Read(nuspec));
            return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }
    }

    /// <summary>A metadata value of the nuspec (<c>version</c>, <c>readme</c>, …), or null.</summary>
    public string? MetadataValue(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    public byte[] Read(string name)
    {
        var entry = _zip.GetEntry(name) ?? throw new FileNotFoundException($"'{name}' is not in the package.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
