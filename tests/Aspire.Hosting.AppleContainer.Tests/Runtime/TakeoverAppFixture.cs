using System.Reflection;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// One application shared by <see cref="TakeoverAppTests{TRuntime}"/>, written as an existing AppHost would be, plus the one-line
/// switch: an <c>AddContainer</c> added before <c>UseAppleContainerRuntime()</c>, then Aspire's own <c>AddRedis</c>
/// (pointed at the local Redis image), an <c>AddDockerfile</c> and a .NET project on the host that uses Aspire's
/// Redis client and waits for Redis. Every container carries the label <c>engg.test=&lt;prefix&gt;</c>.
/// </summary>
public sealed class TakeoverAppFixture<TRuntime> : IAsyncLifetime
    where TRuntime : TestRuntime, new()
{
    public const string LabelKey = "engg.test";
    public const string Greeting = "engg-greeting-from-AddContainer";
    public const string BuiltFlavour = "engg-flavour-from-AddDockerfile";
    private readonly DirectoryInfo _buildContext = Directory.CreateTempSubdirectory("engg-build-");

    public TakeoverAppFixture()
    {
        Test = RuntimeTestApp.Create(Runtime, "engg-" + Guid.NewGuid().ToString("N")[..8], LabelKey);
    }

    public TRuntime Runtime { get; } = new();

    internal RuntimeTestApp Test { get; }

    /// <summary>The child resource's connection string, as captured in its ConnectionStringAvailableEvent.</summary>
    internal string? ChildConnectionString { get; private set; }

    /// <summary>The image the Dockerfile resource builds, removed on dispose.</summary>
    internal string? BuiltImage { get; private set; }

    public async Task InitializeAsync()
    {
        if (RuntimeAvailability.SkipReasonForTestClass(typeof(TRuntime)) is not null)
        {
            return;
        }

        await Runtime.InitializeAsync();
        var builder = Test.Builder;
        await File.WriteAllTextAsync(Path.Combine(_buildContext.FullName, "Dockerfile"), "FROM localhost/actr-test/service:latest\nARG FLAVOUR\nENV BUILT_FLAVOUR=$FLAVOUR\n");

        // Added before the switch, labelled through a container runtime argument (mapped onto the run spec).
        builder.AddContainer(Test.Name("web"), "localhost/actr-test/service", "latest")
            .WithHttpEndpoint(targetPort: 8080)
            .WithEnvironment("GREETING", Greeting)
            .WithContainerRuntimeArgs("--label", $"{LabelKey}={Test.Prefix}");

        builder.UseAppleContainerRuntime();

        // No developer certificate, whatever the machine has: with one, Redis would serve TLS (as under DCP), which
        // these tests do not set their clients up for (CertificateTests covers certificates).
#pragma warning disable ASPIRECERTIFICATES001
        builder.Services.AddSingleton<IDeveloperCertificateService>(new TestDeveloperCertificateService([]));
#pragma warning restore ASPIRECERTIFICATES001

        var redis = builder.AddRedis(Test.Name("redis"))
            .WithImageRegistry("localhost")
            .WithImage("actr-test/redis", "7.0")
            .WithContainerLabel(LabelKey, Test.Prefix);
        // A child resource: it gets Redis's state and its own ConnectionStringAvailableEvent, which its check needs.
        var database = builder.AddResource(new ChildDatabaseResource(Test.Name("cachedb"), redis.Resource));
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database.Resource, async (_, ct) =>
            ChildConnectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(ct));
        builder.Services.AddHealthChecks().AddCheck(
            $"{database.Resource.Name}_check",
            () => ChildConnectionString is null ? HealthCheckResult.Unhealthy("no connection string yet") : HealthCheckResult.Healthy());
        database.WithHealthCheck($"{database.Resource.Name}_check");

        var built = builder.AddDockerfile(Test.Name("built"), _buildContext.FullName)
            .WithBuildArg("FLAVOUR", BuiltFlavour)
            .WithHttpEndpoint(targetPort: 8080)
            .WithContainerLabel(LabelKey, Test.Prefix);
        BuiltImage = RunSpecFactory.GetImage(built.Resource);

        var client = builder.AddProject(Test.Name("client"), Metadata("RedisClientAppProject")!)
            .WithHttpEndpoint()
            .WithReference(redis, "cache")
            .WaitFor(redis);
        if (Metadata("ArtifactsPath") is { Length: > 0 } artifactsPath)
        {
            // `dotnet run` (how Aspire starts the project) finds the output of an artifacts-path build only so.
            client.WithEnvironment("ArtifactsPath", artifactsPath);
        }

        await Test.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Test.DisposeAsync();
        }
        finally
        {
            if (BuiltImage is not null)
            {
                await (await Runtime.BridgeAsync()).RemoveImageAsync(BuiltImage, force: true);
            }

            _buildContext.Delete(recursive: true);
            await Runtime.DisposeAsync();
        }
    }

    private static string? Metadata(string key) => typeof(TakeoverAppFixture<TRuntime>).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value;
}
