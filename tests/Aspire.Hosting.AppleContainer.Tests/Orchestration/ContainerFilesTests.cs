using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

/// <summary>Aspire's container file items as the bridge's file sets, as DCP maps them (ContainerCreator, ToContainerFileSystemEntry).</summary>
public class ContainerFilesTests
{
    [Fact]
    public void Files_and_directories_keep_names_owners_groups_and_modes_and_a_mode_left_unset_stays_zero_for_the_umask()
    {
        var set = ContainerFiles.ToFileSet("/dest", [
            new ContainerFile { Name = "secret", Contents = "s3cr3t", Owner = 999, Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite },
            new ContainerDirectory { Name = "conf.d", Group = 5, Entries = [new ContainerFile { Name = "a.conf", SourcePath = "relative.conf" }] },
        ], defaultOwner: 1, defaultGroup: 2, umask: UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)!;

        Assert.Equal(("/dest", 1, 2, 0b000_010_010), (set.Destination, set.DefaultOwner, set.DefaultGroup, set.Umask));
        var secret = set.Entries[0];
        Assert.Equal((ContainerFileKind.File, 999, (int?)null, 0b110_000_000), (secret.Kind, secret.Owner, secret.Group, secret.Mode));
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(secret.Contents!.Value.Span));
        var directory = set.Entries[1];
        Assert.Equal((ContainerFileKind.Directory, 5, 0), (directory.Kind, directory.Group, directory.Mode));
        var child = Assert.Single(directory.Entries);
        Assert.Equal(Path.GetFullPath("relative.conf"), child.SourcePath);
        Assert.Null(child.Contents);
    }

    [Fact]
    public void No_items_make_no_set_as_DCP_skips_an_empty_callback_result() =>
        Assert.Null(ContainerFiles.ToFileSet("/dest", []));

    [Fact]
    public void A_file_with_both_contents_and_a_source_is_refused_as_DCP_refuses_it()
    {
        var error = Assert.Throws<BridgeException>(() => ContainerFiles.ToFileSet("/dest", [new ContainerFile { Name = "f", Contents = "x", SourcePath = "/etc/hosts" }]));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Contains("/dest/f", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_OpenSSL_certificate_file_gets_a_subject_hash_link_numbered_per_directory_as_DCP_writes_it()
    {
        var pem = SelfSigned("CN=localhost");
        var set = ContainerFiles.ToFileSet("/certs", [
            new ContainerOpenSSLCertificateFile { Name = "one.pem", Contents = pem },
            new ContainerOpenSSLCertificateFile { Name = "two.pem", Contents = pem },
        ])!;

        Assert.Equal(["one.pem", "ce275665.0", "two.pem", "ce275665.1"], set.Entries.Select(e => e.Name));
        Assert.Equal((ContainerFileKind.Symlink, "./two.pem"), (set.Entries[3].Kind, set.Entries[3].LinkTarget));
    }

    [Fact]
    public void The_subject_hash_is_the_one_openssl_x509_subject_hash_prints_for_a_name_with_case_and_runs_of_spaces()
    {
        // Made with `openssl req -x509 -subj "/CN=  Aspire   Dev Cert /O=Engg Example"`; `openssl x509 -noout -subject_hash`
        // (OpenSSL 3) prints 019c2635 for it.
        const string Pem = """
        -----BEGIN CERTIFICATE-----
        MIIBwzCCAWmgAwIBAgIUbzgFJI12l3t6KEn37RRS/zWcWSAwCgYIKoZIzj0EAwIw
        NjEdMBsGA1UEAwwUICBBc3BpcmUgICBEZXYgQ2VydCAxFTATBgNVBAoMDEVuZ2cg
        RXhhbXBsZTAgFw0yNjEyMDIxNTUyMTBaGA8yMTI2MTEwODE1NTIxMFowNjEdMBsG
        A1UEAwwUICBBc3BpcmUgICBEZXYgQ2VydCAxFTATBgNVBAoMDEVuZ2cgRXhhbXBs
        ZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLkpdX3+JXF/ZI2M0blmc6Fjgzf+
        TYMEFi+9sbQB/u8mHa5zXpZ7O27bMkGXLs5Qud9Gmdki/HtZ/nJzrkMnjXmjUzBR
        MB0GA1UdDgQWBBToI/va0z/4dEfFFQnKem77fdD/rjAfBgNVHSMEGDAWgBToI/va
        0z/4dEfFFQnKem77fdD/rjAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gA
        MEUCIQCTlT+PfAQKbwUy733i2/7I63AKjvJ5YuqsZMu4p1NhlQIgBKcShMCzZ5Fi
        2Xej6xETvyGU4GBlbxWsldK+DUql8CU=
        -----END CERTIFICATE-----
        """;
        using var certificate = X509Certificate2.CreateFromPem(Pem);

        Assert.Equal("019c2635", OpenSslSubjectHash.Compute(certificate.SubjectName.RawData));
    }

    [Fact]
    public void A_certificate_that_is_not_one_is_left_out_when_it_may_continue_on_error_and_refused_otherwise()
    {
        Assert.Null(ContainerFiles.ToFileSet("/certs", [new ContainerOpenSSLCertificateFile { Name = "bad.pem", Contents = "nope", ContinueOnError = true }]));
        Assert.Throws<BridgeException>(() => ContainerFiles.ToFileSet("/certs", [new ContainerOpenSSLCertificateFile { Name = "bad.pem", Contents = "nope" }]));
    }

    [Fact]
    public async Task Every_annotation_callback_runs_with_the_resource_and_the_services_and_a_failing_one_is_InvalidSpec()
    {
        var resource = new ContainerResource("web");
        using var services = new ServiceCollection().BuildServiceProvider();
        ContainerFileSystemCallbackContext? seen = null;
        resource.Annotations.Add(new ContainerFileSystemCallbackAnnotation
        {
            DestinationPath = "/a",
            Callback = (context, _) =>
            {
                seen = context;
                return Task.FromResult<IEnumerable<ContainerFileSystemItem>>([new ContainerFile { Name = "f" }]);
            },
        });
        resource.Annotations.Add(new ContainerFileSystemCallbackAnnotation { DestinationPath = "/empty", Callback = (_, _) => Task.FromResult<IEnumerable<ContainerFileSystemItem>>([]) });

        var sets = await ContainerFiles.FromAnnotationsAsync(resource, services, httpsCertificate: null, CancellationToken.None);

        Assert.Equal("/a", Assert.Single(sets).Destination);
        Assert.Same(resource, seen!.Model);
        Assert.Same(services, seen.Services);

        resource.Annotations.Add(new ContainerFileSystemCallbackAnnotation { DestinationPath = "/b", Callback = (_, _) => throw new InvalidOperationException("boom") });
        var error = await Assert.ThrowsAsync<BridgeException>(() => ContainerFiles.FromAnnotationsAsync(resource, services, null, CancellationToken.None));
        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    private static string SelfSigned(string subject)
    {
        using var key = ECDsa.Create();
        using var certificate = new CertificateRequest(subject, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
