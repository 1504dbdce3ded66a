using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// Where certificates go in a container, as DCP places them (Aspire 13.6 <c>ContainerCreator.BuildContainerConfiguration</c>):
/// the resource's <see cref="ContainerCertificatePathsAnnotation"/> where it sets a value, else Aspire's defaults
/// (internal to Aspire.Hosting, so repeated here; a test compares them with the 13.6.5 assembly's).
/// </summary>
/// <param name="Destination">The directory the trusted certificates go to (<c>cert.pem</c>, <c>certs/</c>, <c>bundles/</c>).</param>
/// <param name="BundlePaths">The image's own CA bundles, overwritten with the trusted bundle unless the scope is <see cref="CertificateTrustScope.Append"/>.</param>
/// <param name="DirectoryPaths">The image's own CA directories, kept in <c>SSL_CERT_DIR</c> with the scope <see cref="CertificateTrustScope.Append"/>.</param>
internal sealed record ContainerCertificatePaths(string Destination, IReadOnlyList<string> BundlePaths, IReadOnlyList<string> DirectoryPaths)
{
    /// <summary>Aspire's <c>ContainerCertificatePathsAnnotation.DefaultCustomCertificatesDestination</c>.</summary>
    public const string DefaultDestination = "/usr/lib/ssl/aspire";

    /// <summary>Aspire's <c>ContainerCertificatePathsAnnotation.DefaultCertificateBundlePaths</c>.</summary>
    public static IReadOnlyList<string> DefaultBundlePaths { get; } =
    [
        "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Gentoo
        "/etc/pki/tls/certs/ca-bundle.crt", // Fedora, RHEL 6
        "/etc/ssl/ca-bundle.pem", // OpenSUSE
        "/etc/pki/tls/cacert.pem", // OpenELEC
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS, RHEL 7
        "/etc/ssl/cert.pem", // Alpine
    ];

    /// <summary>Aspire's <c>ContainerCertificatePathsAnnotation.DefaultCertificateDirectoriesPaths</c>.</summary>
    public static IReadOnlyList<string> DefaultDirectoryPaths { get; } = ["/etc/ssl/certs", "/usr/local/share/ca-certificates", "/etc/pki/tls/certs"];

    /// <summary>The trusted bundle DCP writes: <c>SSL_CERT_FILE</c> unless the scope is <see cref="CertificateTrustScope.Append"/>.</summary>
    public string BundlePath => $"{Destination}/cert.pem";

    /// <summary>The OpenSSL-hashed directory of the trusted certificates, first in <c>SSL_CERT_DIR</c>.</summary>
    public string CertificatesDirectory => $"{Destination}/certs";

    /// <summary>The directory of a server certificate's files (<c>&lt;thumbprint&gt;.crt|.key|.pem|.pfx</c>).</summary>
    public string ServerCertificatesDirectory => $"{Destination}/private";

    /// <summary>The paths of <paramref name="resource"/>.</summary>
    public static ContainerCertificatePaths For(IResource resource)
    {
        resource.TryGetLastAnnotation<ContainerCertificatePathsAnnotation>(out var annotation);
        return new ContainerCertificatePaths(
            annotation?.CustomCertificatesDestination ?? DefaultDestination,
            annotation?.DefaultCertificateBundles ?? DefaultBundlePaths,
            annotation?.DefaultCertificateDirectories ?? DefaultDirectoryPaths);
    }
}
