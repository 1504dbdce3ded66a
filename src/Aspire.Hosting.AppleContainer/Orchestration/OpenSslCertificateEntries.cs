using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// An Aspire <c>ContainerOpenSSLCertificateFile</c> as DCP places it (microsoft/dcp
/// <c>internal/containers/containers_common.go</c>, <c>AddCertificateToTar</c>): the PEM file itself and a link
/// <c>&lt;subject hash&gt;.N</c> to <c>./name</c> beside it, N counting the certificates of the same directory with the
/// same hash, so OpenSSL finds it in a certificate directory.
/// </summary>
internal sealed class OpenSslCertificateEntries
{
    private readonly Dictionary<string, int> _hashes = new(StringComparer.Ordinal);

    /// <summary>The certificate file and its hash link; nothing when the file is not a PEM certificate and may be left out.</summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> when it is not, and may not be left out.</exception>
    public IEnumerable<ContainerFileEntry> Of(ContainerFileEntry file, string parent)
    {
        string hash;
        try
        {
            var pem = file.SourcePath is { } source ? File.ReadAllText(source) : System.Text.Encoding.UTF8.GetString((file.Contents ?? ReadOnlyMemory<byte>.Empty).Span);
            using var certificate = X509Certificate2.CreateFromPem(pem);
            hash = OpenSslSubjectHash.Compute(certificate.SubjectName.RawData);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (file.ContinueOnError)
            {
                return [];
            }

            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The certificate '{parent.TrimEnd('/')}/{file.Name}' is not a PEM certificate: {ex.Message}", ex) { Option = "files" };
        }

        var collisions = _hashes.GetValueOrDefault(hash);
        _hashes[hash] = collisions + 1;
        var link = new ContainerFileEntry
        {
            Name = $"{hash}.{collisions}",
            Kind = ContainerFileKind.Symlink,
            LinkTarget = $"./{file.Name}",
            Owner = file.Owner,
            Group = file.Group,
            ContinueOnError = file.ContinueOnError,
        };
        return [file, link];
    }
}
