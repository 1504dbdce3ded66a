using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Model;

public class ManifestTests
{
    [Fact(Timeout = 120_000)]
    public async Task In_publish_mode_an_apple_container_is_written_exactly_like_an_ordinary_container()
    {
        var manifest = await PublishManifestAsync((builder, context) =>
        {
            var db = builder.AddContainer("db", "postgres", "17").WithEndpoint(targetPort: 5432, name: "tcp");
            void Configure<T>(IResourceBuilder<T> r)
                where T : ContainerResource => r
                .WithHttpEndpoint(targetPort: 8080, name: "http")
                .WithEnvironment("DB", db.GetEndpoint("tcp"))
                .WithEnvironment("MODE", "prod")
                .WithArgs("serve", "--verbose")
                .WithBindMount(context, "/data", isReadOnly: true)
                .WithVolume("cache", "/cache")
                .WithEntrypoint("/app/run");
            Configure(builder.AddAppleContainer("apple", "my/image", "1.0").WithCpus(2).WithInit());
            Configure(builder.AddContainer("plain", "my/image", "1.0"));
        });

        Assert.Equal("container.v0", manifest["apple"]!["type"]!.GetValue<string>());
        Assert.Equal(manifest["plain"]!.ToJsonString(), manifest["apple"]!.ToJsonString());
    }

    [Fact(Timeout = 120_000)]
    public async Task In_publish_mode_a_Dockerfile_built_apple_container_is_written_like_AddDockerfile()
    {
        var manifest = await PublishManifestAsync((builder, context) =>
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
            builder.AddAppleContainerFromDockerfile("apple", context).WithBuildArg("VERSION", "1");
            builder.AddDockerfile("plain", context).WithBuildArg("VERSION", "1");
        });

        Assert.Equal("container.v1", manifest["apple"]!["type"]!.GetValue<string>());
        Assert.Equal(manifest["plain"]!.ToJsonString(), manifest["apple"]!.ToJsonString());
    }

    internal static async Task<JsonNode> PublishManifestAsync(Action<IDistributedApplicationBuilder, string> configure)
    {
        var directory = Directory.CreateTempSubdirectory("engd-manifest-");
        try
        {
            var context = Directory.CreateDirectory(Path.Combine(directory.FullName, "context")).FullName;
            var path = Path.Combine(directory.FullName, "manifest.json");
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
            {
                Args = ["--publisher", "manifest", "--output-path", path],
                DisableDashboard = true,
            });
            configure(builder, context);
            await using var app = builder.Build();
            await app.RunAsync();

            return JsonNode.Parse(await File.ReadAllTextAsync(path))!["resources"]!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
