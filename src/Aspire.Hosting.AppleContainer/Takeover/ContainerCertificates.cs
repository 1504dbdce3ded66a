using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

#pragma warning disable ASPIRECERTIFICATES001 // The certificate APIs are experimental in Aspire 13.6; used as DCP's path uses them.

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// Certificates for a container, as DCP provides them (Aspire 13.6 <c>ContainerCreator.BuildContainerConfiguration</c>,
/// microsoft/dcp <c>copyContainerPemCertificates</c>): the trusted CAs (the developer certificate by default,
/// <c>WithCertificateAuthorityCollection</c>, <c>WithCertificateTrustScope</c>) and the HTTPS server certificate a
/// resource asks for (<c>WithHttpsCertificate</c>, <c>WithHttpsDeveloperCertificate</c>). Aspire's own gatherers
/// compute the environment variables and arguments (<c>SSL_CERT_DIR</c>, <c>SSL_CERT_FILE</c>, the integrations'
/// callbacks) against the paths DCP uses; this class builds the files that go there.
/// </summary>
internal static class ContainerCertificates
{
    /// <summary>Adds Aspire's certificate trust and HTTPS certificate gatherers with the container paths DCP gives them.</summary>
    public static IExecutionConfigurationBuilder WithContainerCertificatesConfig(this IExecutionConfigurationBuilder builder, ContainerCertificatePaths paths) => builder
        .WithCertificateTrustConfig(scope =>
        {
            var directories = new List<string> { paths.CertificatesDirectory };
            if (scope == CertificateTrustScope.Append)
            {
                directories.AddRange(paths.DirectoryPaths);
            }

            return new()
            {
                CertificateBundlePath = ReferenceExpression.Create($"{paths.BundlePath}"),
                CertificateDirectoriesPath = ReferenceExpression.Create($"{string.Join(':', directories)}"),
                RootCertificatesPath = paths.Destination,
                IsContainer = true,
            };
        })
        .WithHttpsCertificateConfig(certificate => new()
        {
            CertificatePath = ReferenceExpression.Create($"{paths.ServerCertificatesDirectory}/{certificate.Thumbprint}.crt"),
            KeyPath = ReferenceExpression.Create($"{paths.ServerCertificatesDirectory}/{certificate.Thumbprint}.key"),
            CertificateWithKeyPath = ReferenceExpression.Create($"{paths.ServerCertificatesDirectory}/{certificate.Thumbprint}.pem"),
            PfxPath = ReferenceExpression.Create($"{paths.ServerCertificatesDirectory}/{certificate.Thumbprint}.pfx"),
        });

    /// <summary>
    /// The server certificate's paths that DCP hands the resource's <c>WithContainerFiles</c> callbacks
    /// (<see cref="ContainerFileSystemCallbackContext.HttpsCertificateContext"/>; Keycloak and YARP read them), or null
    /// when the resource has no server certificate.
    /// </summary>
    public static ContainerFileSystemCallbackHttpsCertificateContext? GetHttpsCertificateContext(IExecutionConfigurationResult configuration, ContainerCertificatePaths paths) =>
        configuration.TryGetAdditionalData<HttpsCertificateExecutionConfigurationData>(out var https)
            ? new ContainerFileSystemCallbackHttpsCertificateContext
            {
                CertificatePath = ReferenceExpression.Create($"{paths.ServerCertificatesDirectory}/{https.Certificate.Thumbprint}.crt"),
                KeyPath = https.KeyPathReference,
                CertificateWithKeyPath = https.CertificateWithKeyPathReference,
                PfxPath = https.PfxPathReference,
                Password = https.Password,
            }
            : null;

    /// <summary>
    /// The certificate files of the container, in the order DCP writes them: custom bundles, the server certificate,
    /// then the trusted certificates (<c>cert.pem</c>, <c>certs/</c>) and the overwritten image bundles. Call it after
    /// the resource's <c>WithContainerFiles</c> callbacks ran (DCP writes their files first, and a callback that uses a
    /// key path is what makes the key file needed), with the configuration built by
    /// <see cref="WithContainerCertificatesConfig"/>.
    /// </summary>
    public static async Task<IReadOnlyList<ContainerCreateFiles>> BuildFilesAsync(IExecutionConfigurationResult configuration, ContainerCertificatePaths paths, CancellationToken cancellationToken)
    {
        var files = new List<ContainerCreateFiles>();
        var trust = configuration.TryGetAdditionalData<CertificateTrustExecutionConfigurationData>(out var data)
            && data.Scope != CertificateTrustScope.None && data.Certificates.Count > 0
            ? data
            : null;

        if (trust is not null && trust.CustomBundlesFactories.Count > 0)
        {
            var bundles = new List<ContainerFileSystemItem>();
            foreach (var (id, factory) in trust.CustomBundlesFactories)
            {
                var bytes = await factory(trust.Certificates, cancellationToken).ConfigureAwait(false);
                bundles.Add(HostFileStash.File(id, bytes));
            }

            files.Add(new ContainerCreateFiles(paths.Destination, [new ContainerDirectory { Name = "bundles", Entries = bundles }]));
        }

        if (configuration.TryGetAdditionalData<HttpsCertificateExecutionConfigurationData>(out var https))
        {
            files.Add(new ContainerCreateFiles(paths.ServerCertificatesDirectory, ServerCertificateFiles(https)));
        }

        if (trust is not null)
        {
            files.AddRange(TrustFiles(trust, paths));
        }

        return files;
    }

    /// <summary><see cref="BuildFilesAsync"/> as the bridge's file sets.</summary>
    public static async Task<IEnumerable<ContainerFileSet>> BuildFileSetsAsync(IExecutionConfigurationResult configuration, ContainerCertificatePaths paths, CancellationToken cancellationToken) =>
        (await BuildFilesAsync(configuration, paths, cancellationToken).ConfigureAwait(false))
            .Select(f => ContainerFiles.ToFileSet(f.Destination, f.Entries, f.DefaultOwner, f.DefaultGroup, f.Umask))
            .OfType<ContainerFileSet>();

    /// <summary>DCP's <c>copyContainerPemCertificates</c> in Aspire's item types.</summary>
    private static IEnumerable<ContainerCreateFiles> TrustFiles(CertificateTrustExecutionConfigurationData trust, ContainerCertificatePaths paths)
    {
        // As Aspire's CertificateUtilities.BuildPemCertificateList: one PEM per distinct thumbprint.
        var certificates = trust.Certificates.DistinctBy(c => c.Thumbprint).ToList();
        var pems = certificates.Select(c => c.ExportCertificatePem()).ToList();

        // DCP writes <thumbprint>.pem and links <subject hash>.<n> to it: what an OpenSSL certificate file is.
        var entries = certificates.Zip(pems, (certificate, pem) => (ContainerFileSystemItem)new ContainerOpenSSLCertificateFile
        {
            Name = $"{certificate.Thumbprint}.pem",
            Contents = pem,
            ContinueOnError = true,
        }).ToList();

        var bundle = string.Join('\n', pems);
        yield return new ContainerCreateFiles(paths.Destination,
        [
            new ContainerFile { Name = "cert.pem", Contents = bundle },
            new ContainerDirectory { Name = "certs", Entries = entries },
        ])
        { Umask = ContainerCreateFiles.DefaultUmask };

        if (trust.Scope == CertificateTrustScope.Append)
        {
            yield break;
        }

        foreach (var directory in paths.BundlePaths.GroupBy(p => Path.GetDirectoryName(p)!.Replace('\\', '/')))
        {
            yield return new ContainerCreateFiles(
                directory.Key,
                [.. directory.Select(p => new ContainerFile { Name = Path.GetFileName(p), Contents = bundle, ContinueOnError = true })])
            { Umask = ContainerCreateFiles.DefaultUmask };
        }
    }

    /// <summary>The server certificate's files, as DCP writes them: the key, the combined PEM and the PFX only where referenced.</summary>
    private static List<ContainerFileSystemItem> ServerCertificateFiles(HttpsCertificateExecutionConfigurationData https)
    {
        var thumbprint = https.Certificate.Thumbprint;
        var certificatePem = https.Certificate.ExportCertificatePem();
        var files = new List<ContainerFileSystemItem> { new ContainerFile { Name = $"{thumbprint}.crt", Contents = certificatePem } };
        if (https.IsKeyPathReferenced || https.IsCertificateWithKeyPathReferenced)
        {
            var keyPem = ExportKeyPem(https.Certificate, https.Password);
            files.Add(new ContainerFile { Name = $"{thumbprint}.key", Contents = keyPem });
            if (https.IsCertificateWithKeyPathReferenced)
            {
                files.Add(new ContainerFile { Name = $"{thumbprint}.pem", Contents = $"{keyPem}\n{certificatePem}" });
            }
        }

        if (https.IsPfxPathReferenced)
        {
            files.Add(HostFileStash.File($"{thumbprint}.pfx", https.Certificate.Export(X509ContentType.Pfx, https.Password)));
        }

        return files;
    }

    /// <summary>
    /// The private key as Aspire exports it (<c>DeveloperCertificateService.ExportKeyPem</c>): PKCS#8, encrypted with the
    /// certificate's password when it has one; an unencrypted key goes through an encrypted export, which a key that is
    /// not exportable in plain text (the macOS keychain's) allows.
    /// </summary>
    private static string ExportKeyPem(X509Certificate2 certificate, string? password)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException($"The HTTPS certificate {certificate.Thumbprint} has no RSA or ECDSA private key.");
        var encrypted = key.ExportEncryptedPkcs8PrivateKey(
            password ?? string.Empty,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, iterationCount: password is null ? 1 : 100_000));
        try
        {
            if (password is not null)
            {
                return new string(PemEncoding.Write("ENCRYPTED PRIVATE KEY", encrypted));
            }

            using AsymmetricAlgorithm plain = key is RSA ? RSA.Create() : ECDsa.Create();
            plain.ImportEncryptedPkcs8PrivateKey(string.Empty, encrypted, out _);
            var pkcs8 = plain.ExportPkcs8PrivateKey();
            try
            {
                return new string(PemEncoding.Write("PRIVATE KEY", pkcs8));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encrypted);
        }
    }
}
