using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

#pragma warning disable ASPIRECERTIFICATES001 // The certificate APIs are experimental in Aspire 13.6.

namespace Aspire.Hosting.AppleContainer.Tests.Takeover;

/// <summary>
/// The trust and server-certificate files, environment and arguments of a container, against what DCP gets from Aspire
/// 13.6 (<c>ContainerCreator.BuildContainerConfiguration</c>) and writes (microsoft/dcp <c>copyContainerPemCertificates</c>).
/// </summary>
public class ContainerCertificatesTests
{
    private const string Destination = "/usr/lib/ssl/aspire";

    [Fact]
    public void The_default_paths_are_Aspire_13_6_5s_own()
    {
        var annotation = typeof(ContainerCertificatePathsAnnotation);
        const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Static;

        Assert.Equal(annotation.GetField("DefaultCustomCertificatesDestination", Internal)!.GetValue(null), ContainerCertificatePaths.DefaultDestination);
        Assert.Equal(((IEnumerable)annotation.GetProperty("DefaultCertificateBundlePaths", Internal)!.GetValue(null)!).Cast<string>(), ContainerCertificatePaths.DefaultBundlePaths);
        Assert.Equal(((IEnumerable)annotation.GetProperty("DefaultCertificateDirectoriesPaths", Internal)!.GetValue(null)!).Cast<string>(), ContainerCertificatePaths.DefaultDirectoryPaths);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_developer_certificate_is_trusted_by_default_through_SSL_CERT_DIR_ahead_of_the_images_own_directories()
    {
        using var devCert = TestCertificates.CreateAuthority("Engg Dev Cert");
        var builder = Builder(devCert);
        var web = builder.AddContainer("web", "localhost/actr-test/service");
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, web.Resource);

        Assert.Equal($"{Destination}/certs:/etc/ssl/certs:/usr/local/share/ca-certificates:/etc/pki/tls/certs", configuration.EnvironmentVariables["SSL_CERT_DIR"]);
        Assert.False(configuration.EnvironmentVariables.ContainsKey("SSL_CERT_FILE"));
        var trust = Assert.Single(files);
        Assert.Equal(Destination, trust.Destination);
        Assert.Equal(ContainerCreateFiles.DefaultUmask, trust.Umask);
        var pem = devCert.ExportCertificatePem();
        Assert.Equal(pem, File(trust, "cert.pem").Contents);
        var certs = Assert.IsType<ContainerDirectory>(trust.Entries[1]);
        Assert.Equal("certs", certs.Name);
        var certificate = Assert.IsType<ContainerOpenSSLCertificateFile>(Assert.Single(certs.Entries));
        Assert.Equal($"{devCert.Thumbprint}.pem", certificate.Name);
        Assert.Equal(pem, certificate.Contents);
        Assert.True(certificate.ContinueOnError);
        Assert.Null(certificate.Owner);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_override_scope_sets_SSL_CERT_FILE_and_overwrites_every_known_image_bundle_with_the_trusted_ones()
    {
        using var devCert = TestCertificates.CreateAuthority("Engg Dev Cert");
        using var ca = TestCertificates.CreateAuthority("Engg Other CA");
        var builder = Builder(devCert);
        var authorities = builder.AddCertificateAuthorityCollection("engg-cas").WithCertificate(ca);
        var web = builder.AddContainer("web", "localhost/actr-test/service")
            .WithCertificateAuthorityCollection(authorities)
            .WithCertificateTrustScope(CertificateTrustScope.Override);
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, web.Resource);

        Assert.Equal($"{Destination}/certs", configuration.EnvironmentVariables["SSL_CERT_DIR"]);
        Assert.Equal($"{Destination}/cert.pem", configuration.EnvironmentVariables["SSL_CERT_FILE"]);
        var bundle = $"{ca.ExportCertificatePem()}\n{devCert.ExportCertificatePem()}";
        Assert.Equal(bundle, File(files[0], "cert.pem").Contents);
        Assert.Equal(
            ["/etc/ssl/certs:ca-certificates.crt", "/etc/pki/tls/certs:ca-bundle.crt", "/etc/ssl:ca-bundle.pem,cert.pem", "/etc/pki/tls:cacert.pem", "/etc/pki/ca-trust/extracted/pem:tls-ca-bundle.pem"],
            files.Skip(1).Select(f => $"{f.Destination}:{string.Join(',', f.Entries.Select(e => e.Name))}"));
        Assert.All(files.Skip(1).SelectMany(f => f.Entries).Cast<ContainerFile>(), f => Assert.True(f.ContinueOnError));
        Assert.All(files.Skip(1).SelectMany(f => f.Entries).Cast<ContainerFile>(), f => Assert.Equal(bundle, f.Contents));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_none_scope_or_an_untrusted_developer_certificate_without_authorities_writes_nothing_and_sets_nothing()
    {
        using var devCert = TestCertificates.CreateAuthority("Engg Dev Cert");
        var builder = Builder(devCert);
        var none = builder.AddContainer("none", "localhost/actr-test/service").WithCertificateTrustScope(CertificateTrustScope.None);
        var untrusted = builder.AddContainer("untrusted", "localhost/actr-test/service").WithDeveloperCertificateTrust(false);
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        foreach (var resource in new[] { none.Resource, untrusted.Resource })
        {
            var (configuration, files) = await BuildAsync(app, resource);

            Assert.Empty(files);
            Assert.False(configuration.EnvironmentVariables.ContainsKey("SSL_CERT_DIR"));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Certificate_paths_a_resource_sets_and_trust_callbacks_are_honoured_as_DCP_honours_them()
    {
        using var devCert = TestCertificates.CreateAuthority("Engg Dev Cert");
        var builder = Builder(devCert);
        var web = builder.AddContainer("web", "localhost/actr-test/service")
            .WithContainerCertificatePaths(customCertificatesDestination: "/opt/engg/certs", defaultCertificateDirectoryPaths: ["/opt/engg/ca"])
            .WithCertificateTrustConfiguration(context =>
            {
                context.EnvironmentVariables["NODE_EXTRA_CA_CERTS"] = context.CertificateBundlePath;
                context.EnvironmentVariables["ENGG_BUNDLE"] = context.CreateCustomBundle((certificates, _) => Task.FromResult(System.Text.Encoding.UTF8.GetBytes($"{certificates.Count} certificate(s)")));
                return Task.CompletedTask;
            });
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, web.Resource);

        Assert.Equal("/opt/engg/certs/certs:/opt/engg/ca", configuration.EnvironmentVariables["SSL_CERT_DIR"]);
        Assert.Equal("/opt/engg/certs/cert.pem", configuration.EnvironmentVariables["NODE_EXTRA_CA_CERTS"]);
        var bundleId = Path.GetFileName(configuration.EnvironmentVariables["ENGG_BUNDLE"]);
        Assert.Equal($"/opt/engg/certs/bundles/{bundleId}", configuration.EnvironmentVariables["ENGG_BUNDLE"]);
        var bundles = Assert.IsType<ContainerDirectory>(Assert.Single(files[0].Entries));
        Assert.Equal("/opt/engg/certs", files[0].Destination);
        Assert.Equal("1 certificate(s)", Assert.IsType<ContainerFile>(Assert.Single(bundles.Entries, e => e.Name == bundleId)).Contents);
        Assert.Equal("/opt/engg/certs", files[1].Destination);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_run_spec_carries_the_trust_files_with_subject_hash_links_numbered_as_OpenSSL_looks_them_up_and_SSL_CERT_DIR()
    {
        using var first = TestCertificates.CreateAuthority("Engg Same Name");
        using var second = TestCertificates.CreateAuthority("Engg Same Name");
        var builder = Builder(first, second);
        var web = builder.AddContainer("web", "localhost/actr-test/service");
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.StartsWith($"{Destination}/certs:", spec.Environment["SSL_CERT_DIR"], StringComparison.Ordinal);
        var trust = Assert.Single(spec.Files);
        Assert.Equal(Destination, trust.Destination);
        Assert.Equal(ContainerFileSet.DefaultUmask, trust.Umask);
        var certs = Assert.Single(trust.Entries, e => e.Name == "certs");
        var hash = OpenSslSubjectHash.Compute(first.SubjectName.RawData);
        Assert.Equal(
            [$"{first.Thumbprint}.pem", $"{hash}.0", $"{second.Thumbprint}.pem", $"{hash}.1"],
            certs.Entries.Select(e => e.Name));
        Assert.Equal([$"./{first.Thumbprint}.pem", $"./{second.Thumbprint}.pem"], certs.Entries.Where(e => e.Kind == ContainerFileKind.Symlink).Select(e => e.LinkTarget));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_requested_server_certificate_gets_its_certificate_and_key_files_and_Redis_its_TLS_arguments_pointing_at_them()
    {
        using var ca = TestCertificates.CreateAuthority();
        using var server = TestCertificates.CreateServer(ca);
        var builder = Builder();
        var redis = builder.AddRedis("cache").WithHttpsCertificate(server);
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, redis.Resource);

        var directory = $"{Destination}/private";
        var arguments = string.Join(' ', configuration.Arguments);
        Assert.Contains($"--tls-cert-file {directory}/{server.Thumbprint}.crt", arguments, StringComparison.Ordinal);
        Assert.Contains($"--tls-key-file {directory}/{server.Thumbprint}.key", arguments, StringComparison.Ordinal);
        var serverFiles = Assert.Single(files, f => f.Destination == directory);
        Assert.Equal([$"{server.Thumbprint}.crt", $"{server.Thumbprint}.key"], serverFiles.Entries.Select(e => e.Name));
        Assert.Equal(server.ExportCertificatePem(), File(serverFiles, $"{server.Thumbprint}.crt").Contents);
        using var key = RSA.Create();
        key.ImportFromPem(File(serverFiles, $"{server.Thumbprint}.key").Contents);
        Assert.Equal(server.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File(serverFiles, $"{server.Thumbprint}.key").Contents, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_combined_PEM_and_the_PFX_are_written_only_when_referenced_and_the_PFX_is_passed_as_a_private_host_file()
    {
        using var ca = TestCertificates.CreateAuthority();
        using var server = TestCertificates.CreateServer(ca);
        var builder = Builder();
        var web = builder.AddContainer("web", "localhost/actr-test/service")
            .WithHttpsCertificate(server)
            .WithHttpsCertificateConfiguration(context =>
            {
                context.EnvironmentVariables["ENGG_PEM"] = context.CertificateWithKeyPath;
                context.EnvironmentVariables["ENGG_PFX"] = context.PfxPath;
                return Task.CompletedTask;
            });
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, web.Resource);

        var serverFiles = Assert.Single(files, f => f.Destination == $"{Destination}/private");
        Assert.Equal($"{Destination}/private/{server.Thumbprint}.pem", configuration.EnvironmentVariables["ENGG_PEM"]);
        Assert.Equal(["crt", "key", "pem", "pfx"], serverFiles.Entries.Select(e => Path.GetExtension(e.Name)[1..]));
        var combined = File(serverFiles, $"{server.Thumbprint}.pem").Contents!;
        Assert.EndsWith($"\n{server.ExportCertificatePem()}", combined, StringComparison.Ordinal);
        var pfx = File(serverFiles, $"{server.Thumbprint}.pfx");
        Assert.Null(pfx.Contents);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(pfx.SourcePath!));
        }

        using var loaded = X509CertificateLoader.LoadPkcs12FromFile(pfx.SourcePath!, null);
        Assert.True(loaded.HasPrivateKey);
        Assert.Equal(server.Thumbprint, loaded.Thumbprint);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_developer_certificate_serves_HTTPS_when_Aspire_uses_it_for_HTTPS_and_the_resource_asks_for_it()
    {
        using var ca = TestCertificates.CreateAuthority();
        using var devCert = TestCertificates.CreateServer(ca);
        var builder = ModelApp.CreateBuilder();
        builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([devCert], trust: false, useForHttps: true));
        var redis = builder.AddRedis("cache").WithHttpsDeveloperCertificate();
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var (configuration, files) = await BuildAsync(app, redis.Resource);

        Assert.Contains($"{Destination}/private/{devCert.Thumbprint}.crt", configuration.Arguments);
        Assert.Equal($"{Destination}/private", Assert.Single(files).Destination);
    }

    private static IDistributedApplicationBuilder Builder(params X509Certificate2[] developerCertificates)
    {
        var builder = ModelApp.CreateBuilder();
        builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService(developerCertificates));
        return builder;
    }

    private static async Task<(Resolved Configuration, IReadOnlyList<ContainerCreateFiles> Files)> BuildAsync(ModelApp app, IResource resource)
    {
        var paths = ContainerCertificatePaths.For(resource);
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithArgumentsConfig()
            .WithEnvironmentVariablesConfig()
            .WithContainerCertificatesConfig(paths)
            .BuildAsync(app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, CancellationToken.None);
        Assert.Null(configuration.Exception);
        var files = await ContainerCertificates.BuildFilesAsync(configuration, paths, CancellationToken.None);
        return (new Resolved(configuration.EnvironmentVariables.ToDictionary(), [.. configuration.Arguments.Select(a => a.Value)]), files);
    }

    /// <summary>The resolved environment and arguments.</summary>
    private sealed record Resolved(Dictionary<string, string> EnvironmentVariables, List<string> Arguments);

    private static ContainerFile File(ContainerCreateFiles files, string name) =>
        Assert.IsType<ContainerFile>(Assert.Single(files.Entries, e => e.Name == name));
}
