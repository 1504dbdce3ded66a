using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Files;

/// <summary>
/// A SHA-256 of <see cref="ContainerFileSet"/>s: destinations, names, kinds, owners, modes, umasks and every file's
/// bytes (a source file's as it reads now), so that a change of content changes the digest (DCP hashes the request,
/// source paths included, into the container's <c>createFiles</c> label: microsoft/dcp
/// <c>controllers/container_controller.go</c>).
/// </summary>
internal static class ContainerFilesDigest
{
    /// <summary>The lowercase hex digest; the same sets give the same digest.</summary>
    public static string Compute(IReadOnlyList<ContainerFileSet> sets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var set in sets)
        {
            Append(hash, $"set\0{set.Destination}\0{set.DefaultOwner}\0{set.DefaultGroup}\0{set.Umask}\0{set.Entries.Count}\0");
            foreach (var entry in set.Entries)
            {
                AppendEntry(hash, entry);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static void AppendEntry(IncrementalHash hash, ContainerFileEntry entry)
    {
        Append(hash, string.Create(
            CultureInfo.InvariantCulture,
            $"entry\0{entry.Kind}\0{entry.Name}\0{entry.Owner}\0{entry.Group}\0{entry.Mode}\0{entry.LinkTarget}\0{entry.ContinueOnError}\0{entry.Entries.Count}\0"));
        if (entry.SourcePath is { } source)
        {
            Append(hash, $"source\0{source}\0");
            try
            {
                using var stream = File.OpenRead(source);
                hash.AppendData(SHA256.HashData(stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Append(hash, "unreadable\0");
            }
        }
        else if (entry.Contents is { } contents)
        {
            Append(hash, string.Create(CultureInfo.InvariantCulture, $"contents\0{contents.Length}\0"));
            hash.AppendData(contents.Span);
        }

        foreach (var child in entry.Entries)
        {
            AppendEntry(hash, child);
        }
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
