using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.AppleContainer.Tests.Model;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Takeover;

public class TakeoverManifestTests
{
    [Fact(Timeout = 120_000)]
    public async Task The_switch_leaves_the_manifest_of_every_container_resource_unchanged()
    {
        var without = await ManifestTests.PublishManifestAsync((builder, context) => Configure(builder, context, useSwitch: false));
        var with = await ManifestTests.PublishManifestAsync((builder, context) => Configure(builder, context, useSwitch: true));

        Assert.Equal("container.v0", with["cache"]!["type"]!.GetValue<string>());
        Assert.Equal("container.v0", with["web"]!["type"]!.GetValue<string>());
        Assert.Equal("container.v1", with["built"]!["type"]!.GetValue<string>());
        Assert.Equal("/bin/sh", with["cache"]!["entrypoint"]!.GetValue<string>());
        Assert.Equal(without.ToJsonString(), with.ToJsonString());
    }

    [Fact(Timeout = 120_000)]
    public async Task The_configuration_switch_leaves_the_manifest_unchanged_too()
    {
        var without = await ManifestTests.PublishManifestAsync((builder, context) => Configure(builder, context, useSwitch: false));
        var with = await ManifestTests.PublishManifestAsync((builder, context) =>
        {
            builder.Configuration[ContainerTakeover.ConfigurationKey] = "true";
            Configure(builder, context, useSwitch: false);
        });

        Assert.Equal(without.ToJsonString(), with.ToJsonString());
    }

    private static void Configure(IDistributedApplicationBuilder builder, string context, bool useSwitch)
    {
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\n");
        if (useSwitch)
        {
            builder.UseAppleContainerRuntime();
        }

        var cache = builder.AddRedis("cache").WithImageRegistry("localhost").WithImage("actr-test/redis", "7.0");
        builder.AddContainer("web", "localhost/actr-test/service", "latest")
            .WithHttpEndpoint(targetPort: 8080, name: "http")
            .WithEndpoint(targetPort: 9090, name: "admin", isProxied: false)
            .WithEnvironment("MODE", "prod")
            .WithReference(cache)
            .WithArgs("serve")
            .WithBindMount(context, "/data", isReadOnly: true)
            .WithVolume("engg-cache", "/cache")
            .WithContainerName("engg-web")
            .WithContainerRuntimeArgs("--label", "engg.test=manifest")
            .WithLifetime(ContainerLifetime.Persistent);
        builder.AddDockerfile("built", context).WithBuildArg("FLAVOUR", "1").WithHttpEndpoint(targetPort: 8080);
        builder.AddAppleContainer("apple", "localhost/actr-test/service", "latest").WithHttpEndpoint(targetPort: 8080).WithCpus(2);
    }
}
