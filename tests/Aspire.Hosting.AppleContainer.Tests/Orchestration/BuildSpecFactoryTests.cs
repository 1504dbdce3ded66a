using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class BuildSpecFactoryTests
{
    [Fact]
    public async Task A_null_build_arg_is_passed_by_name_only_for_the_build_to_take_from_the_environment_not_as_an_empty_value()
    {
        var build = new DockerfileBuildAnnotation("/ctx", "/ctx/Dockerfile", null);
        build.BuildArguments["NULL"] = null;
        build.BuildArguments["UNRESOLVED"] = new NullValue();
        build.BuildArguments["EMPTY"] = string.Empty;
        build.BuildArguments["PORT"] = 8080;

        var spec = await CreateAsync(new ContainerResource("built"), build);

        Assert.Equal(["NULL", "UNRESOLVED"], spec.BuildArgsFromEnvironment);
        Assert.Equal(["EMPTY=", "PORT=8080"], spec.BuildArgs.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_build_secret_is_passed_by_its_full_path_and_a_parameter_secret_by_value()
    {
        var build = new DockerfileBuildAnnotation("/ctx", "/ctx/Dockerfile", null);
        build.BuildSecrets["FILE"] = new FileInfo("relative/token.txt");
        build.BuildSecrets["VALUE"] = new ParameterResource("token", _ => "s3cr3t", secret: true);

        var spec = await CreateAsync(new ContainerResource("built"), build);

        Assert.Equal(Path.GetFullPath("relative/token.txt"), Assert.Single(spec.SecretFiles, s => s.Key == "FILE").Value);
        Assert.Equal("s3cr3t", Assert.Single(spec.Secrets, s => s.Key == "VALUE").Value);
        Assert.DoesNotContain("FILE", spec.Secrets.Keys);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Dockerfile_factory_is_run_and_its_Dockerfile_written_where_the_build_reads_it()
    {
        var context = Directory.CreateTempSubdirectory("engd-factory-");
        try
        {
            var builder = ModelApp.CreateBuilder();
            var built = builder.AddContainer("built", "placeholder")
                .WithDockerfileFactory(context.FullName, factory => $"FROM localhost/actr-test/busybox:latest\nLABEL made.for={factory.Resource.Name}\n");
            await using var app = ModelApp.Prepare(builder);
            var build = built.Resource.Annotations.OfType<DockerfileBuildAnnotation>().Single();

            var spec = await CreateAsync(built.Resource, build, app.Services);

            Assert.Equal(build.DockerfilePath, spec.Dockerfile);
            Assert.Equal("FROM localhost/actr-test/busybox:latest\nLABEL made.for=built\n", await File.ReadAllTextAsync(spec.Dockerfile!));
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_Dockerfile_builder_callback_writes_its_stages_to_the_Dockerfile_the_build_reads()
    {
        var context = Directory.CreateTempSubdirectory("engd-factory-");
        try
        {
            var builder = ModelApp.CreateBuilder();
#pragma warning disable ASPIREDOCKERFILEBUILDER001 // experimental in Aspire 13.6.5
            var built = builder.AddContainer("built", "placeholder")
                .WithDockerfileBuilder(context.FullName, callback => callback.Builder.From("localhost/actr-test/busybox:latest").Run("echo built > /built"));
#pragma warning restore ASPIREDOCKERFILEBUILDER001
            await using var app = ModelApp.Prepare(builder);
            var build = built.Resource.Annotations.OfType<DockerfileBuildAnnotation>().Single();

            var spec = await CreateAsync(built.Resource, build, app.Services);

            var dockerfile = await File.ReadAllTextAsync(spec.Dockerfile!);
            Assert.Contains("FROM localhost/actr-test/busybox:latest", dockerfile, StringComparison.Ordinal);
            Assert.Contains("RUN echo built > /built", dockerfile, StringComparison.Ordinal);
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_build_options_callback_choosing_a_target_platform_sets_the_build_platform_as_DCP_spells_it()
    {
        var builder = ModelApp.CreateBuilder();
#pragma warning disable ASPIREPIPELINES003 // experimental in Aspire 13.6.5
        var one = builder.AddAppleContainerFromDockerfile("one", "/ctx").WithContainerBuildOptions(o => o.TargetPlatform = Publishing.ContainerTargetPlatform.LinuxAmd64);
        var both = builder.AddAppleContainerFromDockerfile("both", "/ctx").WithContainerBuildOptions(o => o.TargetPlatform = Publishing.ContainerTargetPlatform.AllLinux);
#pragma warning restore ASPIREPIPELINES003
        var none = builder.AddAppleContainerFromDockerfile("none", "/ctx");
        await using var app = ModelApp.Prepare(builder);

        async Task<string?> PlatformOf(IResource resource) =>
            (await CreateAsync(resource, resource.Annotations.OfType<DockerfileBuildAnnotation>().Single(), app.Services)).Platform;

        Assert.Equal("linux/amd64", await PlatformOf(one.Resource));
        Assert.Equal("linux/amd64,linux/arm64", await PlatformOf(both.Resource));
        // Aspire's own default callback (WithDockerfile) chooses a platform for publish only: in run mode the host's is built.
        Assert.Null(await PlatformOf(none.Resource));
    }

    private static Task<Bridge.BuildSpec> CreateAsync(IResource resource, DockerfileBuildAnnotation build, IServiceProvider? services = null) =>
        BuildSpecFactory.CreateAsync(resource, build, "localhost/built:1", services ?? new ServiceCollection().BuildServiceProvider(), NullLogger.Instance, CancellationToken.None);

    /// <summary>A value provider that resolves to null, as a parameter without a value can.</summary>
    private sealed class NullValue : IValueProvider
    {
        public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
    }
}
