using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Takeover;

public class TakenOverRunSpecTests
{
    [Fact(Timeout = 30_000)]
    public async Task AddRedis_runs_its_shell_command_line_with_the_password_only_in_the_secret_environment()
    {
        var builder = ModelApp.CreateBuilder();
        builder.Configuration["Parameters:cache-password"] = "engg-pa55";
        var password = builder.AddParameter("cache-password", secret: true);
        var redis = builder.AddRedis("cache", password: password).WithImageRegistry("localhost").WithImage("actr-test/redis", "7.0");
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(redis.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("localhost/actr-test/redis:7.0", spec.Image);
        Assert.Equal(["/bin/sh"], spec.Entrypoint);
        Assert.Equal(["-c", "redis-server --requirepass $REDIS_PASSWORD"], spec.Args);
        Assert.Equal("engg-pa55", spec.SecretEnvironment["REDIS_PASSWORD"]);
        Assert.DoesNotContain(spec.Environment.Values, v => v.Contains("engg-pa55", StringComparison.Ordinal));
        Assert.Contains(spec.Ports, p => p.ContainerPort == 6379 && p.HostAddress == "127.0.0.1");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_a_developer_certificate_a_resource_that_could_serve_TLS_stays_plain_and_gets_no_certificate_files()
    {
        var builder = ModelApp.CreateBuilder();
#pragma warning disable ASPIRECERTIFICATES001
        builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([]));
#pragma warning restore ASPIRECERTIFICATES001
        var redis = builder.AddRedis("cache");
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(redis.Resource, NullLogger.Instance, CancellationToken.None);

        Assert.Equal("redis", redis.Resource.PrimaryEndpoint.EndpointAnnotation.UriScheme);
        Assert.Empty(spec.Files);
        Assert.DoesNotContain("--tls", spec.Args[^1], StringComparison.Ordinal);
        Assert.False(spec.Environment.ContainsKey("SSL_CERT_DIR"));
    }

    [Fact(Timeout = 30_000)]
    public async Task An_explicitly_requested_server_certificate_reaches_the_container_as_DCPs_files_with_Redis_TLS_arguments()
    {
        var builder = ModelApp.CreateBuilder();
#pragma warning disable ASPIRECERTIFICATES001
        builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([]));
        using var ca = TestCertificates.CreateAuthority();
        using var server = TestCertificates.CreateServer(ca);
        var redis = builder.AddRedis("cache").WithHttpsCertificate(server);
#pragma warning restore ASPIRECERTIFICATES001
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(redis.Resource, NullLogger.Instance, CancellationToken.None);

        var files = Assert.Single(spec.Files);
        Assert.Equal("/usr/lib/ssl/aspire/private", files.Destination);
        Assert.Equal([$"{server.Thumbprint}.crt", $"{server.Thumbprint}.key"], files.Entries.Select(e => e.Name));
        Assert.Contains($"--tls-cert-file /usr/lib/ssl/aspire/private/{server.Thumbprint}.crt --tls-key-file /usr/lib/ssl/aspire/private/{server.Thumbprint}.key", spec.Args[^1], StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task WithContainerFiles_reaches_the_spec_with_its_destination_owner_group_and_umask()
    {
        var builder = ModelApp.CreateBuilder();
        var web = builder.AddContainer("web", "localhost/actr-test/service")
            .WithContainerFiles("/etc/engg", [new ContainerFile { Name = "app.conf", Contents = "x=1" }], defaultOwner: 999, defaultGroup: 998, umask: UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        await using var app = ModelApp.Prepare(builder, allContainers: true);

        var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

        var set = Assert.Single(spec.Files);
        Assert.Equal("/etc/engg", set.Destination);
        Assert.Equal((999, 998, 0b000_000_111), (set.DefaultOwner, set.DefaultGroup, set.Umask));
        var file = Assert.Single(set.Entries);
        Assert.Equal("app.conf", file.Name);
        Assert.Equal("x=1", System.Text.Encoding.UTF8.GetString(file.Contents!.Value.Span));
    }

    [Fact(Timeout = 30_000)]
    public async Task Container_names_image_registry_and_tag_overrides_mounts_and_lifetime_of_an_AddContainer_reach_the_spec()
    {
        var builder = ModelApp.CreateBuilder();
        var data = Directory.CreateTempSubdirectory("engg-bind-");
        try
        {
            var web = builder.AddContainer("web", "actr-test/service", "old")
                .WithImageRegistry("localhost")
                .WithImageTag("latest")
                .WithContainerName("engg-web-fixed")
                .WithBindMount(data.FullName, "/data", isReadOnly: true)
                .WithVolume("engg-cache", "/cache")
                .WithLifetime(ContainerLifetime.Persistent)
                .WithArgs("serve", "--verbose");
            await using var app = ModelApp.Prepare(builder, allContainers: true);

            var spec = await app.Specs.CreateAsync(web.Resource, NullLogger.Instance, CancellationToken.None);

            Assert.Equal("localhost/actr-test/service:latest", spec.Image);
            Assert.Equal("engg-web-fixed", spec.Name);
            Assert.Equal(["serve", "--verbose"], spec.Args);
            Assert.Contains(new MountSpec(MountKind.Bind, data.FullName, "/data", true), spec.Mounts);
            Assert.Contains(new MountSpec(MountKind.Volume, "engg-cache", "/cache", false), spec.Mounts);
            Assert.Equal("persistent", spec.Labels["io.aspire.applecontainer.lifetime"]);
            Assert.False(web.Resource.HasAnnotationOfType<ContainerImageAnnotation>()); // DCP runs only what has one
        }
        finally
        {
            data.Delete();
        }
    }
}
