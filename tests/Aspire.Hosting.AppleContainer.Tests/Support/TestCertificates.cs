using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>Certificates made in the test process: a CA and server certificates it issues. Nothing is read from or written to a store.</summary>
internal static class TestCertificates
{
    /// <summary>A self-signed CA named <paramref name="commonName"/>, valid for a day.</summary>
    public static X509Certificate2 CreateAuthority(string commonName = "Engg Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>
    /// A server certificate issued by <paramref name="authority"/> (with its private key) for localhost, the runtimes'
    /// host names and every address of this machine, so that a container reaching the host by any of them verifies it.
    /// </summary>
    public static X509Certificate2 CreateServer(X509Certificate2 authority, string commonName = "localhost")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(commonName);
        names.AddDnsName("localhost");
        names.AddDnsName("host.containers.internal");
        names.AddDnsName("host.docker.internal");
        foreach (var address in HostAddresses())
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issuerKey = authority.GetECDsaPrivateKey()!;
        var generator = X509SignatureGenerator.CreateForECDsa(issuerKey);
        using var issued = request.Create(authority.SubjectName, generator, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static IEnumerable<IPAddress> HostAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork || !a.IsIPv6LinkLocal)
            .Append(IPAddress.Loopback)
            .Distinct();
}
