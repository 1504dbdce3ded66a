using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;

#pragma warning disable ASPIRECERTIFICATES001 // IDeveloperCertificateService is experimental in Aspire 13.6.

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>A developer-certificate service with the given certificates, in place of the machine's (which tests do not read).</summary>
internal sealed class TestDeveloperCertificateService(IEnumerable<X509Certificate2> certificates, bool trust = true, bool useForHttps = false) : IDeveloperCertificateService
{
    public ImmutableList<X509Certificate2> Certificates { get; } = [.. certificates];

    public bool SupportsContainerTrust => true;

    public bool TrustCertificate => trust;

    public bool UseForHttps => useForHttps;

    public bool LatestCertificateIsUntrusted => false;
}
