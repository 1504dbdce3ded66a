using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

#pragma warning disable ASPIRECERTIFICATES001 // The certificate annotations are experimental in Aspire 13.6.

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// HTTPS/TLS server certificates of the containers the integration runs. DCP writes Aspire's developer certificate
/// into a container and turns on TLS for integrations that support it (Redis, Keycloak...); the runtime CLIs this
/// integration drives cannot write files into a container, so such a container keeps serving plain TCP/HTTP unless
/// the AppHost asked for a certificate explicitly, which then fails the resource with a coded message.
/// </summary>
internal static class HttpsCertificates
{
    /// <summary>
    /// Before Aspire decides which endpoints switch to TLS: a resource that could take a certificate and did not ask
    /// for one gets none (as with <c>WithoutHttpsCertificate()</c>), so its endpoints, arguments and connection
    /// string stay plain and consistent.
    /// </summary>
    public static void DeclineDefaultCertificate(IResource resource)
    {
        if (resource.HasAnnotationOfType<HttpsCertificateConfigurationCallbackAnnotation>()
            && !resource.HasAnnotationOfType<HttpsCertificateAnnotation>())
        {
            resource.Annotations.Add(new HttpsCertificateAnnotation { UseDeveloperCertificate = false });
        }
    }

    /// <summary>Throws <see cref="BridgeErrorCode.UnsupportedOption"/> when the resource asked for a server certificate.</summary>
    public static void RejectRequestedCertificate(IResource resource)
    {
        if (resource.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var certificate)
            && (certificate.Certificate is not null || certificate.UseDeveloperCertificate == true))
        {
            throw new BridgeException(
                BridgeErrorCode.UnsupportedOption,
                $"'{resource.Name}' asks for an HTTPS/TLS server certificate (WithHttpsCertificate / WithHttpsDeveloperCertificate), which this integration cannot write into a container; remove it, or mount a certificate with WithBindMount and pass its path as an argument.")
            { Option = "WithHttpsCertificate" };
        }
    }
}
